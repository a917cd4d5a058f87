import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonExports } from './d3-json.ts';
import { writeTextAtomic } from './atomic-write.ts';
import { streamJson } from './json-stream.ts';

/** Write the JSON exports into `dir`, each streamed under a temporary name and renamed into place. Returns the paths. */
export function writeJsonExports(dir: string, exports: JsonExports): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(exports).map(([name, value]) => {
    const path = join(dir, name);
    writeTextAtomic(path, (sink) => {
      streamJson(sink, value);
      sink('\n');
    });
    return path;
  });
}
