import { lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
  fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
);
const SCHEMAS = fileURLToPath(new URL('../../docs/schemas/', import.meta.url));
const JSON_FILES = ['wordclouds', 'distribution', 'trends', 'topics', 'evidence'];

/** Every file under a folder, relative path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out.set(path.slice(dir.length), readFileSync(path));
    }
  }
  return out;
}

/** All rows of every table but `runs` (which records times), in a fixed order. */
function tables(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name <> 'runs' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
  const out = Object.fromEntries(
    names.map((n) => [
      n,
      db
        .prepare(`SELECT * FROM ${n}`)
        .all()
        .map((r) => JSON.stringify(r))
        .sort(),
    ]),
  );
  db.close();
  return out;
}

describe('exports of the sample', () => {
  const a = mkdtempSync(join(tmpdir(), 'hotwords-export-a-'));
  const b = mkdtempSync(join(tmpdir(), 'hotwords-export-b-'));

  beforeAll(async () => {
    await run({ inputs: SAMPLE, out: a });
    // the same files in the other order: the rule is that order never matters (but for which duplicate id wins)
    await run({ inputs: [...SAMPLE].reverse(), out: b });
  }, 120_000);

  it.each(JSON_FILES)('%s.json matches its schema', (name) => {
    const schema = JSON.parse(readFileSync(join(SCHEMAS, `${name}.schema.json`), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const data = JSON.parse(readFileSync(join(a, 'json', `${name}.json`), 'utf8'));
    expect(validate(data) ? [] : validate.errors).toEqual([]);
  });

  it('gives byte-identical JSON, SVG, PNG, report and tables from the same input, in any file order', () => {
    for (const folder of ['json', 'clouds', 'report', 'briefing']) {
      const x = snapshot(join(a, folder));
      const y = snapshot(join(b, folder));
      expect([...x.keys()].sort()).toEqual([...y.keys()].sort());
      expect(x.size).toBeGreaterThan(0);
      for (const [k, v] of x) expect(v.equals(y.get(k)!), `${folder}${k}`).toBe(true);
    }
    expect(tables(join(a, 'hotwords.sqlite'))).toEqual(tables(join(b, 'hotwords.sqlite')));
  });

  it('reports the change in disclosure on the previous year in percentage points', () => {
    const d = JSON.parse(readFileSync(join(a, 'json', 'distribution.json'), 'utf8'));
    const y2021 = d.years.find((y: { year: number }) => y.year === 2021);
    expect(y2021.disclosure).toEqual({ disclosed: 67, rate: 100 });
    expect(y2021.change.disclosureRate).toBe(5.13);
    expect(y2021.adoption.rate).toBe(92.54);
  });

  it('draws every category cloud of a set at one scale, with every word placed, title and caption', () => {
    const clouds = snapshot(join(a, 'clouds'));
    const svg = clouds.get('/2021/城区建设与管理.svg')!.toString('utf8');
    expect(svg).toContain('2021年 · 城区建设与管理 · 建议热议词');
    expect(svg).toContain('建议 24 件');
    expect(svg).toContain('来源：suggestions-2020.csv、suggestions-2021.csv');
    expect(svg).not.toContain('未能排入');
    expect(clouds.get('/2021/城区建设与管理.png')!.subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('sessions accumulate', () => {
  it('adds a session without touching the first, and replaces a file given again', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-accumulate-'));
    const docs = (): { id: string }[] => {
      const db = new Database(join(out, 'hotwords.sqlite'), { readonly: true });
      const rows = db.prepare('SELECT * FROM documents ORDER BY id').all() as { id: string }[];
      const terms = db.prepare('SELECT * FROM document_terms ORDER BY document_id, term').all();
      db.close();
      return [...rows, ...(terms as { id: string }[])];
    };
    const first = await run({ inputs: [SAMPLE[0]!], out, noClouds: true, noDictGaps: true });
    expect(first.documents).toEqual({ kept: 0, added: 39, replaced: 0, unchanged: 0 });
    const after2020 = docs();
    const second = await run({ inputs: [SAMPLE[1]!], out, noClouds: true, noDictGaps: true });
    expect(second.documents).toEqual({ kept: 39, added: 67, replaced: 0, unchanged: 0 });
    const after2021 = docs();
    const of2020 = (rows: { id?: string; document_id?: string }[]) => rows.filter((r) => (r.id ?? r.document_id)!.startsWith('R2020'));
    expect(of2020(after2021)).toEqual(of2020(after2020));
    // given again as it was: its suggestions keep their rows and counts (segmented again they would be the same)
    const again = await run({ inputs: [SAMPLE[1]!], out, noClouds: true, noDictGaps: true });
    expect(again.documents).toEqual({ kept: 39, added: 67, replaced: 0, unchanged: 67 });
    expect(docs()).toEqual(after2021);
    const db = new Database(join(out, 'hotwords.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM runs').get()).toEqual({ n: 3 });
    expect(db.prepare('SELECT documents FROM scopes WHERE category IS NULL AND year IS NULL').get()).toEqual({ documents: 106 });
  }, 60_000);
});

describe('a file given again', () => {
  it('keeps the counts of its unchanged suggestions only while they would be counted the same, and equals a full run', async () => {
    const options = { noClouds: true, noDictGaps: true, noTopics: true, workers: 1 } as const;
    // the 2021 file with one suggestion's text changed, under the same name
    const edited = join(mkdtempSync(join(tmpdir(), 'hotwords-edited-')), 'suggestions-2021.csv');
    const lines = readFileSync(SAMPLE[1]!, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('R2021-010,'));
    lines[at] = lines[at]!.replace('建议', '建议加装电梯并增设无障碍坡道，');
    writeFileSync(edited, lines.join('\n'));
    const out = mkdtempSync(join(tmpdir(), 'hotwords-again-'));
    await run({ inputs: [SAMPLE[0]!, SAMPLE[1]!], out, ...options });
    const r = await run({ inputs: [edited], out, ...options });
    expect(r.documents).toEqual({ kept: 39, added: 67, replaced: 1, unchanged: 66 });
    const full = mkdtempSync(join(tmpdir(), 'hotwords-again-full-'));
    await run({ inputs: [SAMPLE[0]!, edited], out: full, ...options });
    expect(tables(join(out, 'hotwords.sqlite'))).toEqual(tables(join(full, 'hotwords.sqlite')));
    const db = new Database(join(out, 'hotwords.sqlite'), { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM document_terms WHERE document_id = 'R2021-010' AND term = '无障碍'").get()).toEqual({
      n: 1,
    });
    db.close();
    // another dictionary counts otherwise: every suggestion of the file is segmented again
    const dict = join(mkdtempSync(join(tmpdir(), 'hotwords-dict-')), 'my.dict.txt');
    writeFileSync(dict, '跨产业 10 n\n');
    const redone = await run({ inputs: [edited], out, ...options, dicts: [dict] });
    expect(redone.documents).toEqual({ kept: 39, added: 67, replaced: 67, unchanged: 0 });
    const fullDict = mkdtempSync(join(tmpdir(), 'hotwords-again-dict-'));
    await run({ inputs: [SAMPLE[0]!, edited], out: fullDict, ...options, dicts: [dict] });
    const [x, y] = [tables(join(out, 'hotwords.sqlite')), tables(join(fullDict, 'hotwords.sqlite'))];
    // the 2020 suggestions, kept from the first run, keep their counts (the run warns that they are stale)
    const of2021 = (rows: unknown[]): unknown[] => rows.filter((r) => (r as string).includes('R2021-'));
    expect(of2021(x.document_terms!)).toEqual(of2021(y.document_terms!));
    expect(x.document_terms!.some((r) => (r as string).includes('"term":"跨产业"'))).toBe(true);
  }, 120_000);
});

describe('dictionary gaps reused by content hash', () => {
  it('a re-run of the same texts keeps the stored gaps, a changed text finds them again; both equal a full run', async () => {
    const options = { noClouds: true, noTopics: true, workers: 1 } as const;
    const gapsReused = (r: { diagnostics: { ruleId: string }[] }): boolean =>
      r.diagnostics.some((d) => d.ruleId === 'score/dictionary-gaps-reused');
    const gaps = (out: string): unknown[] => {
      const t = tables(join(out, 'hotwords.sqlite'));
      return [...t.dictionary_candidates!, ...t.dictionary_splits!];
    };
    const out = mkdtempSync(join(tmpdir(), 'hotwords-gaps-'));
    expect(gapsReused(await run({ inputs: SAMPLE, out, ...options }))).toBe(false);
    const found = gaps(out);
    expect(found.length).toBeGreaterThan(0);
    // the same texts again: the stored gaps, and the database of a full run
    const again = await run({ inputs: SAMPLE, out, ...options });
    expect(gapsReused(again)).toBe(true);
    expect(again.documents.unchanged).toBe(106);
    expect(gaps(out)).toEqual(found);
    // three texts changed: the gaps are found again (here they differ: a stale copy would not)
    const edited = join(mkdtempSync(join(tmpdir(), 'hotwords-gaps-edited-')), 'suggestions-2021.csv');
    const lines = readFileSync(SAMPLE[1]!, 'utf8').split('\n');
    for (const id of ['R2021-010', 'R2021-011', 'R2021-012']) {
      const at = lines.findIndex((l) => l.startsWith(`${id},`));
      lines[at] = lines[at]!.replace('建议', '建议推广楹楣坊楹楣坊，');
    }
    writeFileSync(edited, lines.join('\n'));
    const changed = await run({ inputs: [SAMPLE[0]!, edited], out, ...options });
    expect(gapsReused(changed)).toBe(false);
    const full = mkdtempSync(join(tmpdir(), 'hotwords-gaps-full-'));
    await run({ inputs: [SAMPLE[0]!, edited], out: full, ...options });
    expect(tables(join(out, 'hotwords.sqlite'))).toEqual(tables(join(full, 'hotwords.sqlite')));
    expect(gaps(out)).not.toEqual(found);
  }, 120_000);
});

describe('topics reused by content hash', () => {
  it('a session, and a re-run, reuse unchanged scopes and equal a full run: every table and file', async () => {
    const options = { noDictGaps: true, workers: 1 } as const;
    const full = mkdtempSync(join(tmpdir(), 'hotwords-full-'));
    await run({ inputs: SAMPLE, out: full, ...options });
    const session = mkdtempSync(join(tmpdir(), 'hotwords-session-'));
    await run({ inputs: [SAMPLE[0]!], out: session, ...options });
    const added = await run({ inputs: [SAMPLE[1]!], out: session, ...options });
    // the 2020 scopes (each category's and all categories') are unchanged by the 2021 session
    const reused = (r: { diagnostics: { ruleId: string; reason: string }[] }): string | undefined =>
      r.diagnostics.find((d) => d.ruleId === 'score/topics-reused')?.reason;
    expect(reused(added)).toMatch(/^topics of 6 of 18 scopes taken from the database/);
    expect(tables(join(session, 'hotwords.sqlite'))).toEqual(tables(join(full, 'hotwords.sqlite')));
    const again = await run({ inputs: SAMPLE, out: full, ...options });
    expect(reused(again)).toMatch(/^topics of 18 of 18 scopes/);
    // no topic was clustered, so no time went into them (the time from their start to the join was
    // spent scoring)
    expect(again.timings.topics).toBe(0);
    expect(added.timings.topics).toBeGreaterThan(0);
    // every SVG is the same: every PNG is taken from the earlier run, and equals a fresh render (below)
    expect(again.diagnostics.find((d) => d.ruleId === 'export/images-reused')?.reason).toBe(
      '27 of 27 PNGs taken from the earlier run: their SVGs are byte for byte the same, and so are the packages',
    );
    const fresh = mkdtempSync(join(tmpdir(), 'hotwords-fresh-'));
    await run({ inputs: SAMPLE, out: fresh, ...options });
    expect(tables(join(full, 'hotwords.sqlite'))).toEqual(tables(join(fresh, 'hotwords.sqlite')));
    for (const dir of ['json', 'clouds', 'report', 'briefing']) expect(snapshot(join(full, dir))).toEqual(snapshot(join(fresh, dir)));
    // another seed is another content: nothing is reused
    const seeded = await run({ inputs: SAMPLE, out: full, ...options, seed: 'other' });
    expect(reused(seeded)).toBeUndefined();
    // only the charts, which the seed does not change, keep their PNGs
    expect(seeded.diagnostics.find((d) => d.ruleId === 'export/images-reused')?.reason).toMatch(/^9 of 27 PNGs/);
    const reseeded = mkdtempSync(join(tmpdir(), 'hotwords-seeded-'));
    await run({ inputs: SAMPLE, out: reseeded, ...options, seed: 'other' });
    for (const dir of ['clouds', 'briefing']) expect(snapshot(join(full, dir))).toEqual(snapshot(join(reseeded, dir)));
  }, 180_000);
});

describe('schema migrations', () => {
  it('brings a version-1 database forward, keeping its documents', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-migrate-'));
    await run({ inputs: [SAMPLE[0]!], out, noClouds: true, noDictGaps: true });
    // make it what the first release wrote: no topic tables, version 1
    const old = new Database(join(out, 'hotwords.sqlite'));
    old.exec(
      [
        'DROP TABLE topics; DROP TABLE document_topics; DROP TABLE topic_scopes; DROP TABLE themes; DROP TABLE document_keywords;',
        'ALTER TABLE documents DROP COLUMN sheet; ALTER TABLE rejects DROP COLUMN sheet; ALTER TABLE rejects DROP COLUMN reason_zh;',
        // before version 5 the version was a table's row
        'CREATE TABLE schema_version(version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1); PRAGMA user_version = 0;',
      ].join(' '),
    );
    old.close();
    const r = await run({ inputs: [SAMPLE[1]!], out, noClouds: true, noDictGaps: true });
    expect(r.documents).toEqual({ kept: 39, added: 67, replaced: 0, unchanged: 0 });
    const db = new Database(join(out, 'hotwords.sqlite'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'schema_version'").get()).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM documents WHERE sheet IS NULL').get()).toEqual({ n: 106 });
    expect((db.prepare('SELECT count(*) AS n FROM topics').get() as { n: number }).n).toBeGreaterThan(0);
    expect((db.prepare('SELECT count(*) AS n FROM themes').get() as { n: number }).n).toBeGreaterThan(0);
    db.close();
  }, 60_000);
});

describe('links planted in out/', () => {
  it('a link at a file the report writes is replaced, never followed to overwrite its target', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-link-'));
    const target = join(mkdtempSync(join(tmpdir(), 'hotwords-target-')), 'precious.txt');
    writeFileSync(target, 'keep me');
    mkdirSync(join(out, 'report'), { recursive: true });
    for (const name of ['d3.min.js', 'index.html']) symlinkSync(target, join(out, 'report', name));
    symlinkSync(target, join(out, 'rejects.jsonl'));
    await run({ inputs: [SAMPLE[0]!], out, noClouds: true, noTopics: true, noDictGaps: true });
    // a second run writes through the published links into a new generation, never into the target
    await run({ inputs: [SAMPLE[0]!], out, noClouds: true, noTopics: true, noDictGaps: true });
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(readdirSync(join(out, 'report'))).toEqual(['index.html']);
    expect(lstatSync(join(out, 'report', 'index.html')).isFile()).toBe(true);
    expect(readFileSync(join(out, 'rejects.jsonl'), 'utf8')).toBe('');
  }, 60_000);
});

describe('stale clouds', () => {
  it('a run shows only the clouds it drew (each run writes a new generation); --no-clouds shows none', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-stale-clouds-'));
    const quick = { noTopics: true, noDictGaps: true, noPng: true } as const;
    await run({ inputs: SAMPLE, out, ...quick });
    const clouds = join(out, 'clouds');
    expect(readdirSync(join(clouds, '2020')).length).toBeGreaterThan(1);
    const only2021 = await run({ inputs: [SAMPLE[1]!], out, fresh: true, ...quick });
    expect(readdirSync(clouds).sort()).toEqual(['2021', 'all']);
    const files = readdirSync(clouds, { recursive: true }).filter((f) => String(f).endsWith('.svg')).length;
    expect(files).toBe(only2021.outputs.clouds.length);
    await run({ inputs: [SAMPLE[1]!], out, noClouds: true, ...quick });
    expect(readdirSync(clouds)).toEqual([]);
  }, 60_000);
});

describe('categories that would poison a folder', () => {
  it('a category of 61 four-byte characters, U+FFFF, U+202E or a C1 control: clouds drawn, the next run clean too', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-poison-'));
    const lines = readFileSync(SAMPLE[1]!, 'utf8').trimEnd().split('\n');
    const poisons = ['𠀀'.repeat(61), '民生\uFFFF保障', '城建\u202Egnp.exe', '安全\u0090交通'];
    // every row's category (the fourth column) becomes one of the poisons, in turn
    const rows = lines.slice(1).map((line, i) => {
      const cells = line.split(',');
      cells[3] = poisons[i % poisons.length]!;
      return cells.join(',');
    });
    const input = join(out, 'poisoned.csv');
    writeFileSync(input, [lines[0], ...rows].join('\n'));
    const quick = { noTopics: true, noDictGaps: true } as const;
    const first = await run({ inputs: [input], out: join(out, 'out'), ...quick });
    expect(first.outputs.clouds.length).toBeGreaterThan(poisons.length);
    for (const c of first.outputs.clouds) {
      const name = c.svg.split('/').pop()!;
      expect(Buffer.byteLength(name, 'utf8')).toBeLessThan(140);
      // eslint-disable-next-line no-control-regex -- what no file name or SVG may hold
      const hidden = /[\u0000-\u0008\u0080-\u009f\u200b-\u200f\u202a-\u202e\ufffe\uffff]/;
      expect(name).not.toMatch(hidden);
      expect(readFileSync(c.svg, 'utf8')).not.toMatch(hidden);
      expect(readFileSync(c.png!).subarray(1, 4).toString()).toBe('PNG');
    }
    const page = readFileSync(first.outputs.report!, 'utf8');
    expect(page).not.toMatch(/[\u202e\uffff\u0090]/);
    // stored verbatim (a C1 control is removed when read, as NUL is), and a later run with clean
    // input over the stored categories goes through
    const db = new Database(join(out, 'out', 'hotwords.sqlite'), { readonly: true });
    const stored = [...poisons.slice(0, 3), '安全交通'].sort();
    expect(db.prepare('SELECT DISTINCT category FROM documents ORDER BY category').pluck().all()).toEqual(stored);
    db.close();
    const second = await run({ inputs: [SAMPLE[0]!], out: join(out, 'out'), ...quick });
    expect(second.documents.kept).toBe(67);
  }, 120_000);
});
