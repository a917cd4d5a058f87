import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import type { TextSink } from './json-stream.ts';

/** Write a file under a temporary name and rename it into place, so a reader never sees half a file. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Characters gathered before they are written. */
const CHUNK = 1 << 21;

/**
 * Like writeFileAtomic, for text made piece by piece: `produce` is handed a
 * sink, and what it is given is written in chunks of about two million
 * characters, so the file's whole text is never one string.
 */
export function writeTextAtomic(path: string, produce: (sink: TextSink) => void): void {
  const tmp = `${path}.tmp-${process.pid}`;
  let fd = -1;
  try {
    fd = openSync(tmp, 'w');
    let parts: string[] = [];
    let size = 0;
    const flush = (): void => {
      if (size === 0) return;
      writeSync(fd, parts.join(''));
      parts = [];
      size = 0;
    };
    produce((text) => {
      parts.push(text);
      size += text.length;
      if (size >= CHUNK) flush();
    });
    flush();
    closeSync(fd);
    fd = -1;
    renameSync(tmp, path);
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}
