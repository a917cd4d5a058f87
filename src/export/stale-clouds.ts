import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Remove the cloud images under `dir` that this run did not write (`kept`):
 * the clouds of a category or year the suggestions no longer have, or PNGs
 * left beside SVGs after a run with --no-png. Only .svg and .png files are
 * touched; empty year folders are removed. Returns the paths removed.
 */
export function removeStaleClouds(dir: string, kept: Iterable<string>): string[] {
  const keep = new Set([...kept].map((p) => resolve(p)));
  const removed: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return removed;
  }
  for (const folder of entries) {
    if (!folder.isDirectory()) continue;
    const sub = join(dir, folder.name);
    const files = readdirSync(sub, { withFileTypes: true });
    let left = files.length;
    for (const f of files) {
      const path = join(sub, f.name);
      if (f.isFile() && /\.(svg|png)$/.test(f.name) && !keep.has(resolve(path))) {
        rmSync(path, { force: true });
        removed.push(path);
        left--;
      }
    }
    if (left === 0) rmSync(sub, { recursive: true, force: true });
  }
  return removed.sort();
}
