import { expect, it } from 'vitest';
import { CountTableBuilder, PAIR_SEPARATOR, PairTableBuilder, newBatchSource } from '../../src/matrix/table-builders.ts';
import { tableViews } from '../../src/matrix/table-counts.ts';
import { countTable } from '../../src/matrix/table-of-maps.ts';

it('gives each document a read-only view that behaves as its Map, in shared memory', () => {
  const maps = [
    new Map([
      ['停车', 2],
      ['小区', 1],
      ['电梯', 3],
    ]),
    new Map<string, number>(),
    // not in term order (as stored rows sorted by another collation can be), with a character outside the BMP
    new Map([
      ['𠮷野家', 1],
      ['加装电梯', 4],
      ['停车', 1],
    ]),
  ];
  const table = countTable(maps.map((terms) => ({ terms })));
  expect(table.ids.buffer).toBeInstanceOf(SharedArrayBuffer);
  expect([...table.ascending]).toEqual([1, 1, 0]);
  const views = tableViews(table);
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

it('builds one table from batches and Maps, numbering keys in sorted order and sorting each row', () => {
  const maps = [
    new Map([
      ['电梯', 3],
      ['停车', 2],
    ]),
    new Map<string, number>(),
    new Map([
      ['𠮷野家', 1],
      ['加装电梯', 4],
      ['停车', 1],
    ]),
    new Map([['小区', 7]]),
  ];
  // batches number their keys in order of appearance, entries in any order
  const first = { keys: ['电梯', '停车'], starts: Int32Array.of(0, 2, 2), ids: Int32Array.of(1, 0), counts: Int32Array.of(2, 3) };
  const second = {
    keys: ['𠮷野家', '加装电梯', '停车'],
    starts: Int32Array.of(0, 3),
    ids: Int32Array.of(0, 1, 2),
    counts: Int32Array.of(1, 4, 1),
  };
  const builder = new CountTableBuilder();
  builder.addBatch(first);
  builder.addBatch(second);
  builder.add(maps[3]!);
  expect(builder.size).toBe(4);
  const table = builder.finish({ sortRows: true });
  expect(table.vocab).toEqual(['停车', '加装电梯', '小区', '电梯', '𠮷野家']);
  expect([...table.ascending]).toEqual([1, 1, 1, 1]);
  const byKey = (m: Map<string, number>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  tableViews(table).forEach((v, i) => expect([...v]).toEqual(byKey(maps[i]!)));
  // rows copied out of one table keep its key numbers
  const views = tableViews(table);
  const picked = countTable([views[2]!, views[0]!].map((terms) => ({ terms })));
  expect(picked.vocab).toBe(table.vocab);
  expect(tableViews(picked).map((v) => [...v])).toEqual([byKey(maps[2]!), byKey(maps[0]!)]);
  // all of a table's rows in its order: no copy
  expect(countTable(views.map((terms) => ({ terms })))).toBe(table);
});

it("makes of views of several tables the table their Maps make, entries in each view's order", () => {
  const stored = new CountTableBuilder();
  for (const m of [{ 停车: 2, 电梯: 3 }, { 小区: 7 }, { 加装电梯: 4, 停车: 1, 𠮷野家: 1 }]) stored.add(new Map(Object.entries(m)));
  const segmented = new CountTableBuilder();
  for (const m of [{ 电梯: 1, 垃圾分类: 2 }, {}, { 小区: 3, 盲道: 1, 停车: 5 }]) segmented.add(new Map(Object.entries(m)));
  const a = tableViews(stored.finish({ sortRows: true }));
  const b = tableViews(segmented.finish({ sortRows: false }));
  // interleaved, as documents of two sources sorted by id are
  const docs = [b[0]!, a[2]!, a[0]!, b[2]!, b[1]!, a[1]!, a[2]!];
  const byViews = new CountTableBuilder();
  const byMaps = new CountTableBuilder();
  for (const d of docs) {
    byViews.add(d);
    byMaps.add(new Map(d));
  }
  for (const sortRows of [false, true]) {
    const x = byViews.finish({ sortRows });
    const y = byMaps.finish({ sortRows });
    expect(x.vocab).toEqual(y.vocab);
    for (const k of ['starts', 'ids', 'counts', 'ascending'] as const) expect([...x[k]], k).toEqual([...y[k]]);
  }
  expect(tableViews(byViews.finish({ sortRows: false })).map((v) => [...v])).toEqual(docs.map((d) => [...d]));
});

it('takes batches that go on numbering the keys and tokens of their thread, each listing only those it saw first', () => {
  // the thread's terms: 停车 0, 电梯 1 (first batch), 小区 2 (second)
  const source = newBatchSource();
  const terms = new CountTableBuilder();
  terms.addBatch({ keys: ['停车', '电梯'], starts: Int32Array.of(0, 2), ids: Int32Array.of(1, 0), counts: Int32Array.of(3, 2) }, source);
  terms.addBatch({ keys: ['小区'], starts: Int32Array.of(0, 2, 3), ids: Int32Array.of(2, 0, 1), counts: Int32Array.of(7, 1, 5) }, source);
  // a batch of another thread, or one that stands alone: its own numbering
  terms.addBatch({ keys: ['小区'], starts: Int32Array.of(0, 1), ids: Int32Array.of(0), counts: Int32Array.of(4) });
  expect(tableViews(terms.finish({ sortRows: true })).map((v) => [...v])).toEqual([
    [
      ['停车', 2],
      ['电梯', 3],
    ],
    [
      ['停车', 1],
      ['小区', 7],
    ],
    [['电梯', 5]],
    [['小区', 4]],
  ]);
  // its tokens: 加装 0, 电梯 1 (first batch), 小区 2 (second); pairs are numbered per batch
  const pairs = new PairTableBuilder();
  pairs.addBatch(
    { tokens: ['加装', '电梯'], halves: Int32Array.of(0, 1), starts: Int32Array.of(0, 1), ids: Int32Array.of(0), counts: Int32Array.of(2) },
    source,
  );
  pairs.addBatch(
    {
      tokens: ['小区'],
      halves: Int32Array.of(2, 1, 0, 1),
      starts: Int32Array.of(0, 2),
      ids: Int32Array.of(1, 0),
      counts: Int32Array.of(1, 3),
    },
    source,
  );
  const pair = (a: string, b: string): string => `${a}${PAIR_SEPARATOR}${b}`;
  expect(tableViews(pairs.finish()).map((v) => [...v])).toEqual([
    [[pair('加装', '电梯'), 2]],
    [
      [pair('加装', '电梯'), 1],
      [pair('小区', '电梯'), 3],
    ],
  ]);
});

it('refuses counts that are not whole numbers', () => {
  const builder = new CountTableBuilder();
  expect(() => builder.add(new Map([['停车', 0.5]]))).toThrow(/whole counts/);
});
