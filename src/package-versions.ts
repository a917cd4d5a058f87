import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG_DEFLATE_LEVEL } from './export/png-encoder.js';

/** Versions of this tool and the packages that shape its results, for provenance. */
export function packageVersions(): { tool: string; packages: Record<string, string> } {
  const require = createRequire(import.meta.url);
  const version = (name: string): string => {
    try {
      const path = name === 'hotwords' ? fileURLToPath(new URL('../package.json', import.meta.url)) : packageJson(require, name);
      return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
    } catch {
      return 'not installed';
    }
  };
  const packages: Record<string, string> = { node: process.versions.node };
  for (const name of ['@node-rs/jieba', 'nodejieba', 'better-sqlite3', '@e965/xlsx', '@resvg/resvg-js']) packages[name] = version(name);
  // the PNG files' bytes: resvg's pixels, deflated by Node's zlib (export/png-encoder.js)
  packages.png = `zlib ${process.versions.zlib}, level ${PNG_DEFLATE_LEVEL}`;
  return { tool: version('hotwords'), packages };
}

/** A package's package.json, also when its `exports` do not list it: the nearest one above its entry. */
function packageJson(require: NodeJS.Require, name: string): string {
  try {
    return require.resolve(`${name}/package.json`);
  } catch {
    let dir = dirname(require.resolve(name));
    while (!dir.endsWith(join('node_modules', name)) && dirname(dir) !== dir) dir = dirname(dir);
    return join(dir, 'package.json');
  }
}
