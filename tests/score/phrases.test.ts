import { describe, expect, it } from 'vitest';
import { tableViews } from '../../src/matrix/table-counts.ts';
import { countTable } from '../../src/matrix/table-of-maps.ts';
import { findPhrases, withPhrases } from '../../src/score/phrases.ts';

const pair = (l: string, r: string): string => `${l}\u0001${r}`;

describe('findPhrases', () => {
  // 老年+助餐 always together; 老年 and 服务 each also pair with many others
  const docs = [
    ...Array.from(
      { length: 4 },
      () =>
        new Map([
          [pair('老年', '助餐'), 1],
          [pair('助餐', '服务'), 1],
        ]),
    ),
    ...Array.from(
      { length: 20 },
      (_, i) =>
        new Map([
          [pair(`词${i}`, '服务'), 1],
          [pair('社区', `词${i}`), 1],
        ]),
    ),
  ];
  const pairs = countTable(docs.map((terms) => ({ terms })));

  it('finds a pair far above chance in enough suggestions, with PMI and G²', () => {
    const phrases = findPhrases(pairs);
    const p = phrases.find((x) => x.term === '老年助餐');
    expect(p).toMatchObject({ left: '老年', right: '助餐', count: 4, docs: 4 });
    // 48 pairs in all; 老年 starts 4, 助餐 ends 4: PMI = ln(4·48 / (4·4))
    expect(p!.pmi).toBeCloseTo(Math.log(12), 10);
    expect(phrases.find((x) => x.term === '社区词0')).toBeUndefined(); // once, in one suggestion
  });

  it('joins a pair at session size: in two suggestions, or three times in one long document', () => {
    const few = countTable(
      [
        new Map([
          [pair('加装', '电梯'), 1],
          [pair('电梯', '资金'), 1],
        ]),
        new Map([
          [pair('加装', '电梯'), 1],
          [pair('电梯', '维保'), 1],
        ]),
        ...Array.from(
          { length: 30 },
          (_, i) =>
            new Map([
              [pair(`词${i}`, `字${i}`), 1],
              [pair(`字${i}`, '服务'), 1],
            ]),
        ),
      ].map((terms) => ({ terms })),
    );
    expect(findPhrases(few).map((p) => p.term)).toContain('加装电梯');
    const report = countTable(
      [new Map([[pair('新', '动能'), 4], ...Array.from({ length: 60 }, (_, i) => [pair(`词${i}`, `字${i}`), 1] as const)])].map(
        (terms) => ({ terms }),
      ),
    );
    expect(findPhrases(report).find((p) => p.term === '新动能')).toMatchObject({ count: 4, docs: 1 });
    expect(findPhrases(report, { minCount: 5 }).find((p) => p.term === '新动能')).toBeUndefined();
  });

  it('adds phrases to a document’s terms without touching its tokens', () => {
    const termMaps = [
      new Map([
        ['老年', 1],
        ['助餐', 1],
      ]),
      // a document that has the phrase as a token already keeps its count; one in another order is sorted
      new Map([
        ['服务', 2],
        ['老年助餐', 3],
        ['助餐', 1],
      ]),
      ...docs.slice(2).map(() => new Map([['服务', 1]])),
    ];
    const table = withPhrases(countTable(termMaps.map((terms) => ({ terms }))), pairs, findPhrases(pairs));
    expect(table.vocab).toContain('老年助餐');
    const views = tableViews(table);
    expect([...views[0]!]).toEqual([
      ['助餐', 1],
      ['老年', 1],
      ['老年助餐', 1],
    ]);
    expect([...views[1]!]).toEqual([
      ['助餐', 1],
      ['服务', 2],
      ['老年助餐', 3],
    ]);
    expect([...views[3]!]).toEqual(
      [
        ['老年助餐', 1],
        ['服务', 1],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    expect([...views[5]!]).toEqual([['服务', 1]]);
  });
});
