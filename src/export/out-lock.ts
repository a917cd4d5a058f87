import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FatalError, environmentFailure } from '../diagnostics.ts';
import { say } from '../messages.ts';

/** The lock file of an output folder: one run writes to a folder at a time. */
export const LOCK_FILE = '.hotwords.lock';

/** A held lock on an output folder; `release` removes it (once). */
export interface OutLock {
  release(): void;
}

/**
 * Take the output folder `out` for this run (creating the folder): a lock
 * file that appears with this process's id in it (linked into place). A lock whose process is
 * gone (a run that was killed) is taken over; a live one — another run
 * writing to the same folder, in this process or another — stops this run
 * with a FatalError before it writes anything, instead of the two runs
 * interleaving their writes and losing one's suggestions.
 */
export function lockOut(out: string): OutLock {
  if (existsSync(out) && !statSync(out).isDirectory()) {
    throw new FatalError({
      file: out,
      line: 0,
      source: 'export',
      ruleId: 'export/out-not-folder',
      ...say('export/out-not-folder'),
    });
  }
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw environmentFailure(e, out) ?? e;
  }
  const path = join(out, LOCK_FILE);
  // the lock appears with its process id already in it (a file written aside, then linked to the
  // lock's name, which fails if the name exists): a run never finds an empty lock of a live run
  const mine = `${path}.${process.pid}`;
  try {
    writeFileSync(mine, `${process.pid}\n`);
  } catch (e) {
    // the folder is what the user gave and can act on (a read-only one, say), not the lock's name
    throw environmentFailure({ code: (e as NodeJS.ErrnoException).code }, out) ?? e;
  }
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(mine, path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw environmentFailure(e, path) ?? e;
        const holder = lockHolder(path);
        if (holder !== null && holder !== 'unreadable' && alive(holder)) {
          throw new FatalError({
            file: out,
            line: 0,
            source: 'export',
            ruleId: 'export/out-locked',
            ...say('export/out-locked', { pid: holder }),
          });
        }
        // the lock of a run that died: taken over
        rmSync(path, { force: true });
        continue;
      }
      let held = true;
      return {
        release() {
          if (held) rmSync(path, { force: true });
          held = false;
        },
      };
    }
  } finally {
    rmSync(mine, { force: true });
  }
  throw new FatalError({ file: out, line: 0, source: 'export', ruleId: 'export/out-locked', ...say('export/cannot-lock', { path }) });
}

function lockHolder(path: string): number | null | 'unreadable' {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return 'unreadable';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists, owned by someone else
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
