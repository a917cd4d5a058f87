import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { environmentFailure } from '../diagnostics.ts';

/**
 * Write a file under a temporary name and rename it into place, so a reader never sees half a
 * file. Every byte is checked written (a short write is continued; a full disk or a refused place
 * is a FatalError naming the file).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeTextAtomic(path, (sink) => sink(data));
}

/** Write all of `bytes` at the file's position: a short write (which a nearly full disk gives) is continued, never left short. */
function writeAll(fd: number, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) {
    const n = writeSync(fd, bytes, at, bytes.length - at);
    if (n <= 0) throw Object.assign(new Error('no bytes written'), { code: 'EIO' });
    at += n;
  }
}

/** Characters gathered before they are written. */
const CHUNK = 1 << 21;

/**
 * Like writeFileAtomic, for text made piece by piece: `produce` is handed a
 * sink, and what it is given is written in chunks of about two million
 * characters, so the file's whole text is never one string.
 */
export function writeTextAtomic(path: string, produce: (sink: (data: string | Uint8Array) => void) => void): void {
  const tmp = `${path}.tmp-${process.pid}`;
  let fd = -1;
  try {
    fd = openSync(tmp, 'w');
    let parts: string[] = [];
    let size = 0;
    const flush = (): void => {
      if (size === 0) return;
      writeAll(fd, Buffer.from(parts.join(''), 'utf8'));
      parts = [];
      size = 0;
    };
    produce((data) => {
      if (typeof data !== 'string') {
        flush();
        writeAll(fd, data);
        return;
      }
      parts.push(data);
      size += data.length;
      if (size >= CHUNK) flush();
    });
    flush();
    closeSync(fd);
    fd = -1;
    renameSync(tmp, path);
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    rmSync(tmp, { force: true });
    throw environmentFailure(e, path) ?? e;
  }
}
