/** A candidate for a ranked list: its base score and the documents that contain it. */
export interface DiversifyCandidate {
  term: string;
  base: number;
  /** Documents (any ids) containing the term. */
  docs: readonly number[];
  /** Weaker evidence: it waits until every candidate without it is picked (but comes before the repeats). */
  waits?: boolean;
}

/**
 * Order candidates so that the top of the list is both hot and broad: each
 * step takes the term with the highest base × (share of its documents no
 * earlier pick covers)^β. A word that only repeats the suggestions already
 * represented (教育局 after 学校 and 教育) yields to one that brings in others.
 * A term that repeats a picked one as a string (环境污染 or 污染环境 after
 * 污染, 小区 after 小区业主; the shorter of the two at least two characters)
 * says nothing new to a reader: it waits until no other candidate is left,
 * even once every document is covered and the gains are all zero; a
 * candidate marked `waits` (weaker evidence) waits for every other candidate
 * but the repeats. The
 * gains of successive picks never rise, so they serve as the list's scores.
 * Ties break by base, then term code point.
 */
export function diversify(candidates: readonly DiversifyCandidate[], limit: number, beta = 0.5): { term: string; gain: number }[] {
  const n = candidates.length;
  const uncovered = candidates.map((c) => c.docs.length);
  const byDoc = new Map<number, number[]>();
  candidates.forEach((c, i) => {
    for (const d of c.docs) {
      let list = byDoc.get(d);
      if (!list) byDoc.set(d, (list = []));
      list.push(i);
    }
  });
  const picked = new Array<boolean>(n).fill(false);
  const repeats = new Array<boolean>(n).fill(false);
  const out: { term: string; gain: number }[] = [];
  // who goes first: candidates without weaker evidence, then those with it, then the repeats
  const tier = (i: number): number => (repeats[i] ? 2 : candidates[i]!.waits ? 1 : 0);
  let lastGain = Infinity;
  while (out.length < Math.min(limit, n)) {
    let best = -1;
    let bestGain = -Infinity;
    for (let i = 0; i < n; i++) {
      if (picked[i]) continue;
      const c = candidates[i]!;
      const gain = c.docs.length === 0 ? 0 : c.base * (uncovered[i]! / c.docs.length) ** beta;
      if (
        best < 0 ||
        tier(i) < tier(best) ||
        (tier(best) === tier(i) &&
          (gain > bestGain ||
            (gain === bestGain &&
              (c.base > candidates[best]!.base || (c.base === candidates[best]!.base && c.term < candidates[best]!.term)))))
      ) {
        best = i;
        bestGain = gain;
      }
    }
    picked[best] = true;
    // (a repeat that comes after a smaller gain keeps the scores from rising)
    lastGain = Math.min(lastGain, bestGain);
    out.push({ term: candidates[best]!.term, gain: lastGain });
    const term = candidates[best]!.term;
    for (let i = 0; i < n; i++) if (!picked[i] && !repeats[i] && repeatsWord(candidates[i]!.term, term)) repeats[i] = true;
    for (const d of candidates[best]!.docs) {
      const holders = byDoc.get(d);
      if (!holders) continue;
      for (const j of holders) uncovered[j]!--;
      byDoc.delete(d);
    }
  }
  return out;
}

/** Whether one of two words repeats the other as a string (环境污染 and 污染; the shorter at least two characters). */
export function repeatsWord(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 2 && long.includes(short);
}

/**
 * The first `limit` of `items`, in order, leaving out each that repeats an
 * earlier one taken (repeatsWord) and is not raised more widely than it: what a
 * cloud shows of a ranked list, so 休憩 is not drawn beside 休憩设施 (three
 * suggestions each), nor 智慧电梯监测 beside 智慧电梯; but 老人, in eight
 * suggestions, stays beside 独居老人, in two.
 */
export function saidOnce<T>(items: readonly T[], word: (item: T) => string, value: (item: T) => number, limit: number): T[] {
  const taken: T[] = [];
  for (const item of items) {
    if (taken.length >= limit) break;
    const w = word(item);
    const repeats = taken.some((t) => repeatsWord(word(t), w) && !(w.length < word(t).length && value(item) > value(t)));
    if (!repeats) taken.push(item);
  }
  return taken;
}
