import { describe, expect, it } from 'vitest';
import { findPhrases, phraseIndex, withPhrases } from '../../src/score/phrases.ts';

const pair = (l: string, r: string): string => `${l}\u0001${r}`;

describe('findPhrases', () => {
  // 老年+助餐 always together; 老年 and 服务 each also pair with many others
  const docs = [
    ...Array.from({ length: 4 }, () => new Map([[pair('老年', '助餐'), 1], [pair('助餐', '服务'), 1]])),
    ...Array.from({ length: 20 }, (_, i) => new Map([[pair(`词${i}`, '服务'), 1], [pair('社区', `词${i}`), 1]])),
  ];

  it('finds a pair far above chance in enough suggestions, with PMI and G²', () => {
    const phrases = findPhrases(docs);
    const p = phrases.find((x) => x.term === '老年助餐');
    expect(p).toMatchObject({ left: '老年', right: '助餐', count: 4, docs: 4 });
    // 48 pairs in all; 老年 starts 4, 助餐 ends 4: PMI = ln(4·48 / (4·4))
    expect(p!.pmi).toBeCloseTo(Math.log(12), 10);
    expect(phrases.find((x) => x.term === '社区词0')).toBeUndefined(); // one suggestion only
  });

  it('adds phrases to a document’s terms without touching its tokens', () => {
    const index = phraseIndex(findPhrases(docs));
    const terms = withPhrases(new Map([['老年', 1], ['助餐', 1]]), docs[0]!, index);
    expect([...terms]).toEqual([['助餐', 1], ['老年', 1], ['老年助餐', 1]]);
  });
});
