import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { rebuild } from '../src/rebuild.ts';
import { run } from '../src/run.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) => fileURLToPath(new URL(`../data/sample/${f}`, import.meta.url)));

/** Every file under a folder, by relative path. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length)] = readFileSync(join(e.parentPath, e.name), 'latin1');
  }
  return out;
}

it('writes the JSON, the report and the clouds again byte for byte from the database, topics as the run stored them (its own seed)', async () => {
  const out = mkdtempSync(join(tmpdir(), 'hotwords-rebuild-'));
  await run({ inputs: SAMPLE, out, seed: 'another seed', noDictGaps: true });
  const json = files(join(out, 'json'));
  const report = files(join(out, 'report'));
  const clouds = files(join(out, 'clouds'));
  expect(JSON.parse(json['/topics.json']!).topics.length).toBeGreaterThan(3);
  const again = await rebuild({ out, what: 'report' });
  expect(again.json.length).toBeGreaterThan(3);
  expect(files(join(out, 'json'))).toEqual(json);
  expect(files(join(out, 'report'))).toEqual(report);
  await rebuild({ out, what: 'clouds', seed: 'another seed' });
  expect(files(join(out, 'clouds'))).toEqual(clouds);
}, 120_000);
