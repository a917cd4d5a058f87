import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';

/**
 * A small tmpfs of a test's own (a full disk, a read-only file system): a
 * folder with `size` mounted on it, `describe` that runs the tests only when
 * the mount worked (it needs root, as CI has; elsewhere the tests say why they
 * skip), and `unmount` for the tests' afterAll.
 */
export function tmpfs(
  prefix: string,
  size: string,
  what: string,
): { path: string; describe: typeof describe | typeof describe.skip; unmount: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  let mounted = false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path], { stdio: 'ignore' });
    mounted = true;
  } catch {
    console.warn(`skipping the ${what} tests: cannot mount a tmpfs at ${path} (needs root)`);
  }
  return {
    path,
    describe: mounted ? describe : describe.skip,
    unmount: () => {
      execFileSync('umount', [path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}
