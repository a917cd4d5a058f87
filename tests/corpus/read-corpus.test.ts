import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { fixture } from '../shared-data.ts';

function balanced(r: { counts: { read: number; accepted: number; rejected: number } }): void {
  expect(r.counts.read).toBe(r.counts.accepted + r.counts.rejected);
}

describe('readCorpus on bad input', () => {
  it('rejects a malformed JSONL line with file and line and keeps the others', async () => {
    const file = fixture('bad/malformed-line.jsonl');
    const r = await readCorpus([file]);
    balanced(r);
    expect(r.counts).toEqual({ read: 3, accepted: 2, rejected: 1 });
    expect(r.rejects[0]).toMatchObject({ file, line: 2, ruleId: 'corpus/malformed-json' });
    expect(r.rejects[0]!.reason).toMatch(/malformed JSON/);
    expect(r.records.map((x) => x.id)).toEqual(['a1', 'a3']);
  });

  it('rejects the record with an unbalanced quote and reads the next line', async () => {
    const file = fixture('bad/broken-quote.csv');
    const r = await readCorpus([file]);
    balanced(r);
    expect(r.counts).toEqual({ read: 3, accepted: 2, rejected: 1 });
    expect(r.rejects[0]).toMatchObject({ file, line: 3, ruleId: 'corpus/malformed-csv' });
    expect(r.records.map((x) => x.id)).toEqual(['b1', 'b3']);
  });

  it('rejects missing and whitespace-only text', async () => {
    const file = fixture('bad/missing-text.csv');
    const r = await readCorpus([file]);
    balanced(r);
    expect(r.rejects.map((x) => [x.line, x.ruleId])).toEqual([
      [3, 'corpus/empty-text'],
      [4, 'corpus/empty-text'],
    ]);
    expect(r.rejects[0]!.reason).toMatch(/no usable text/);
  });

  it('rejects duplicate ids, naming where the id was first seen', async () => {
    const file = fixture('bad/duplicate-id.csv');
    const r = await readCorpus([file]);
    balanced(r);
    expect(r.counts).toEqual({ read: 4, accepted: 2, rejected: 2 });
    expect(r.rejects[0]!.reason).toBe(`duplicate id "d1" (same content; first at ${file}:2)`);
    expect(r.rejects[1]!.reason).toBe(`duplicate id "d2" (different content; first at ${file}:3)`);
    expect(r.rejects.map((x) => x.line)).toEqual([4, 5]);
  });

  it('rejects ids duplicated across files', async () => {
    const file = fixture('bad/duplicate-id.csv');
    const r = await readCorpus([file, file]);
    balanced(r);
    expect(r.counts.accepted).toBe(2);
    expect(r.counts.rejected).toBe(6);
  });

  it('rejects unreadable and out-of-range years, and reads 2021年', async () => {
    const file = fixture('bad/bad-year.csv');
    const r = await readCorpus([file]);
    balanced(r);
    expect(r.rejects.map((x) => [x.line, x.ruleId])).toEqual([
      [3, 'corpus/bad-year'],
      [4, 'corpus/bad-year'],
    ]);
    expect(r.rejects[0]!.reason).toMatch(/unreadable year "明年"/);
    expect(r.rejects[1]!.reason).toMatch(/out of range/);
    expect(r.records.find((x) => x.id === 'e4')!.year).toBe(2021);
  });

  it('rejects a row with more fields than the header', async () => {
    const r = await readCorpus([fixture('bad/extra-field.csv')]);
    balanced(r);
    expect(r.rejects[0]).toMatchObject({ line: 2, ruleId: 'corpus/field-count' });
    expect(r.records.map((x) => x.id)).toEqual(['g2']);
  });

  it('reports an empty file as a file problem with its name and line, reading nothing', async () => {
    const file = fixture('bad/empty.csv');
    const r = await readCorpus([file]);
    balanced(r);
    expect(r.counts).toEqual({ read: 0, accepted: 0, rejected: 0 });
    expect(r.diagnostics).toEqual([expect.objectContaining({ file, line: 1, fatal: true, reason: 'empty file' })]);
  });

  it('reads a header-only file as zero rows', async () => {
    const r = await readCorpus([fixture('bad/header-only.csv')]);
    expect(r.counts).toEqual({ read: 0, accepted: 0, rejected: 0 });
    expect(r.diagnostics).toEqual([]);
  });

  it('reads a UTF-8 BOM, CRLF, Chinese headers and quoted newlines', async () => {
    const r = await readCorpus([fixture('bad/bom-crlf-quoted.csv')]);
    expect(r.counts).toEqual({ read: 2, accepted: 2, rejected: 0 });
    expect(r.records[0]).toMatchObject({ id: 'f1', title: '加装电梯', category: '城区建设与管理', year: 2021, origin: { line: 2 } });
    expect(r.records[0]!.text).toBe('建议加快老旧小区加装电梯，\n并完善后续维保。');
    expect(r.records[1]).toMatchObject({ id: 'f2', text: '小区"停车难"问题突出。', origin: { line: 4 } });
  });

  it('reports a missing file without stopping the others', async () => {
    const r = await readCorpus(['/nonexistent/x.csv', fixture('bad/duplicate-id.csv')]);
    expect(r.diagnostics[0]).toMatchObject({ file: '/nonexistent/x.csv', fatal: true, ruleId: 'corpus/unreadable-file' });
    expect(r.counts.accepted).toBe(2);
  });

  it('gives rows without an id one from file and line, and keeps other columns as metadata', async () => {
    const r = await readCorpus([fixture('bad/missing-text.csv')], { map: { id: 'nonexistent' } });
    expect(r.diagnostics[0]).toMatchObject({ fatal: true, ruleId: 'corpus/missing-column' });
    const r2 = await readCorpus([fixture('bad/missing-text.csv')], { map: { text: 'text', title: 'title' } });
    expect(r2.records[0]!.id).toBe('c1');
  });
});
