import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/corpus/csv-rows.ts';

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes and newlines, with the starting line of each record', () => {
    const rows = [...parseCsv('a,b\r\n1,"x, ""y""\r\nz"\r\n2,w\n')];
    expect(rows).toEqual([
      { kind: 'row', line: 1, fields: ['a', 'b'] },
      { kind: 'row', line: 2, fields: ['1', 'x, "y"\r\nz'] },
      { kind: 'row', line: 4, fields: ['2', 'w'] },
    ]);
  });

  it('treats a lone CR as a line end', () => {
    const rows = [...parseCsv('a,b\r1,2\r3,4')];
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('reports an unclosed quote on its line and resumes on the next physical line', () => {
    const rows = [...parseCsv('h1,h2\nx,"open\ny,2\nz,3\n')];
    expect(rows[1]).toMatchObject({ kind: 'error', line: 2 });
    const { reason } = rows[1] as { reason: { reason: string; reasonZh: string } };
    expect(reason.reason).toMatch(/unbalanced quote/);
    expect(reason.reasonZh).toBe('引号不配对：第 2 行开始的带引号字段没有结束');
    expect(rows.slice(2)).toEqual([
      { kind: 'row', line: 3, fields: ['y', '2'] },
      { kind: 'row', line: 4, fields: ['z', '3'] },
    ]);
  });

  it('rejects text after a closing quote', () => {
    const rows = [...parseCsv('a,b\n"x"y,2\n3,4\n')];
    expect(rows[1]).toMatchObject({ kind: 'error', line: 2 });
    expect(rows[2]).toEqual({ kind: 'row', line: 3, fields: ['3', '4'] });
  });

  it('skips blank lines but keeps an empty quoted field', () => {
    const rows = [...parseCsv('a\n\n""\n')];
    expect(rows).toEqual([
      { kind: 'row', line: 1, fields: ['a'] },
      { kind: 'row', line: 3, fields: [''] },
    ]);
  });
});
