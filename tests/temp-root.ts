import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest's global setup: one temporary folder for the whole suite. The tests,
 * the CLI processes they start and the library's own scratch folders all make
 * theirs with `os.tmpdir()`, which reads TMPDIR, so everything a run leaves
 * behind (killed runs, refused outputs, workbooks, databases) is inside this
 * folder, and the teardown removes it. Without it a full `npm test` left about
 * 1 GB in /tmp, and repeated runs filled the disk.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'hotwords-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    try {
      rmSync(root, { recursive: true, force: true });
    } catch (error) {
      // A tmpfs a failed test left mounted cannot be removed; say where it is.
      console.warn(`could not remove the tests' temporary folder ${root}: ${(error as Error).message}`);
    }
  };
}
