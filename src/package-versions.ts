import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Versions of this tool and the packages that shape its results, for provenance. */
export function packageVersions(): { tool: string; packages: Record<string, string> } {
  const require = createRequire(import.meta.url);
  const version = (name: string): string => {
    try {
      const path = name === 'hotwords' ? new URL('../package.json', import.meta.url) : require.resolve(`${name}/package.json`);
      return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
    } catch {
      return 'not installed';
    }
  };
  const packages: Record<string, string> = { node: process.versions.node };
  for (const name of ['@node-rs/jieba', 'nodejieba', 'better-sqlite3', 'exceljs']) packages[name] = version(name);
  return { tool: version('hotwords'), packages };
}
