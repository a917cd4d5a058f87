import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonExports } from './d3-json.ts';
import { writeFileAtomic } from './atomic-write.ts';

/** Write the JSON exports into `dir`, each under a temporary name renamed into place. Returns the paths. */
export function writeJsonExports(dir: string, exports: JsonExports): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(exports).map(([name, value]) => {
    const path = join(dir, name);
    writeFileAtomic(path, `${JSON.stringify(value)}\n`);
    return path;
  });
}
