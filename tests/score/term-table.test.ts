import { expect, it } from 'vitest';
import { termTable, termViews } from '../../src/score/term-table.ts';

it('gives each document a read-only view that behaves as its Map, in shared memory', () => {
  const maps = [
    new Map([['停车', 2], ['小区', 1], ['电梯', 3]]),
    new Map<string, number>(),
    // not in term order (as stored rows sorted by another collation can be), with a character outside the BMP
    new Map([['𠮷野家', 1], ['加装电梯', 4], ['停车', 1]]),
  ];
  const table = termTable(maps.map((terms) => ({ terms })));
  expect(table.ids.buffer).toBeInstanceOf(SharedArrayBuffer);
  expect([...table.ascending]).toEqual([1, 1, 0]);
  const views = termViews(table);
  views.forEach((v, i) => {
    const m = maps[i]!;
    expect([...v]).toEqual([...m]);
    expect([...v.keys()]).toEqual([...m.keys()]);
    expect([...v.values()]).toEqual([...m.values()]);
    expect(v.size).toBe(m.size);
    for (const t of ['停车', '小区', '电梯', '加装电梯', '𠮷野家', '垃圾分类', '']) {
      expect(v.has(t), `${i} ${t}`).toBe(m.has(t));
      expect(v.get(t), `${i} ${t}`).toBe(m.get(t));
    }
  });
});
