import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';

// The package as a user installs it: compiled JavaScript in dist/ (built by `npm test` and by the
// `prepare` script that `npm install` runs), imported and run from another project, with no
// TypeScript loader at run time.
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = join(REPO, 'data/sample/suggestions-2021.csv');
const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

describe('the package from another project', () => {
  const consumer = mkdtempSync(join(tmpdir(), 'hotwords-consumer-'));
  // a module hook that fails any import of tsx: the compiled package must not need it
  const guard = join(consumer, 'no-tsx.mjs');
  const node = (args: string[]): string =>
    execFileSync(process.execPath, ['--import', guard, ...args], { cwd: consumer, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  beforeAll(() => {
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--ignore-scripts', REPO], { cwd: consumer, stdio: 'ignore' });
    writeFileSync(
      join(consumer, 'hooks.mjs'),
      `
      export async function resolve(specifier, context, next) {
        if (specifier === 'tsx' || specifier.startsWith('tsx/')) throw new Error('tsx imported at run time: ' + specifier);
        return next(specifier, context);
      }`,
    );
    writeFileSync(guard, `import { register } from 'node:module'; register('./hooks.mjs', import.meta.url);`);
  }, 120_000);

  it("runs the README's library example: import { run } from 'hotwords'", () => {
    writeFileSync(
      join(consumer, 'job.mjs'),
      `
      import { run } from 'hotwords';
      const summary = await run({ inputs: [${JSON.stringify(SAMPLE)}], out: 'out', noClouds: true, noTopics: true });
      console.log(JSON.stringify(summary.counts));`,
    );
    expect(JSON.parse(node(['job.mjs']))).toEqual({ read: 67, accepted: 67, rejected: 0 });
  }, 120_000);

  it('gives TypeScript the declarations', () => {
    writeFileSync(
      join(consumer, 'job.ts'),
      `
      import { run, type RunSummary } from 'hotwords';
      const summary: RunSummary = await run({ inputs: ['in.csv'], out: 'out' });
      const n: number = summary.counts.accepted;
      // @ts-expect-error: counts are numbers
      const s: string = summary.counts.read;
      export { n, s };`,
    );
    const tsc = join(REPO, 'node_modules/typescript/bin/tsc');
    execFileSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        'job.ts',
      ],
      { cwd: consumer, encoding: 'utf8' },
    );
  }, 120_000);

  it('installs the hotwords command, which prints its version', () => {
    expect(node([join(consumer, 'node_modules/hotwords/dist/cli/hotwords.js'), '--version']).trim()).toBe(VERSION);
    const bin = execFileSync(join(consumer, 'node_modules/.bin/hotwords'), ['--version'], { encoding: 'utf8' });
    expect(bin.trim()).toBe(VERSION);
  }, 60_000);

  it('runs a whole job through the compiled command, workers included', () => {
    // two threads: a segmentation worker, topic workers and the cloud PNG workers all start from dist/
    node([
      join(consumer, 'node_modules/hotwords/dist/cli/hotwords.js'),
      'run',
      SAMPLE,
      '--out',
      'cli-out',
      '--workers',
      '2',
      '--no-dict-gaps',
    ]);
    const db = new Database(join(consumer, 'cli-out/hotwords.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 67 });
    expect((db.prepare('SELECT count(*) AS n FROM topics').get() as { n: number }).n).toBeGreaterThan(0);
    db.close();
    expect(statSync(join(consumer, 'cli-out/clouds/2021/all.png')).size).toBeGreaterThan(10_000);
  }, 120_000);

  it("ships the build's indexes of jieba's two tables, made from the installed @node-rs/jieba's files", () => {
    const jieba = join(consumer, 'node_modules/hotwords/node_modules/@node-rs/jieba');
    const installed = existsSync(jieba) ? jieba : join(REPO, 'node_modules/@node-rs/jieba');
    for (const [index, source] of [
      ['jieba-dict', 'dict.txt'],
      ['jieba-idf', 'idf.txt'],
    ] as const) {
      const file = readFileSync(join(consumer, `node_modules/hotwords/dist/word-tables/${index}.index`));
      const header = JSON.parse(file.subarray(0, file.indexOf(0x0a)).toString()) as { source: string; size: number };
      expect(header.source, index).toBe(
        createHash('sha1')
          .update(readFileSync(join(installed, source)))
          .digest('hex'),
      );
      expect(header.size).toBeGreaterThan(250_000);
    }
  });
});
