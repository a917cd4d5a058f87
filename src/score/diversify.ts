/** A candidate for a ranked list: its base score and the documents that contain it. */
export interface DiversifyCandidate {
  term: string;
  base: number;
  /** Documents (any ids) containing the term. */
  docs: readonly number[];
}

/**
 * Order candidates so that the top of the list is both hot and broad: each
 * step takes the term with the highest base × (share of its documents no
 * earlier pick covers)^β. A word that only repeats the suggestions already
 * represented (教育局 after 学校 and 教育) yields to one that brings in others.
 * A term that repeats a picked one as a string (环境污染 or 污染环境 after
 * 污染, 小区 after 小区业主; the shorter of the two at least two characters)
 * says nothing new to a reader: it waits until no other candidate is left,
 * even once every document is covered and the gains are all zero. The
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
        (repeats[best] && !repeats[i]) ||
        (repeats[best] === repeats[i] &&
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
    for (let i = 0; i < n; i++) {
      if (picked[i] || repeats[i]) continue;
      const other = candidates[i]!.term;
      const [short, long] = other.length < term.length ? [other, term] : [term, other];
      if (short.length >= 2 && long.includes(short)) repeats[i] = true;
    }
    for (const d of candidates[best]!.docs) {
      const holders = byDoc.get(d);
      if (!holders) continue;
      for (const j of holders) uncovered[j]!--;
      byDoc.delete(d);
    }
  }
  return out;
}
