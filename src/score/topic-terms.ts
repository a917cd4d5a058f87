import type { TermDocument } from './scope-counts.ts';
import type { TermIndex } from './term-index.ts';
import { indexTerms, isWordy } from './term-index.ts';
import { TermSums } from './term-sums.ts';

/**
 * Class-based TF-IDF: a term's share in the topic × ln(1 + mean topic size / its frequency over
 * all topics); each topic's top `limit` terms.
 */
export function classTfIdf(groups: number[][], index: TermIndex, limit = 10): string[][] {
  const { vocab, starts, ids, counts, rows } = index;
  // each group's counts by term (term-sums.ts), and their total over the groups; both made once per
  // index, not per k tried, and empty again after use (taken, and cleared below)
  index.sums ??= new TermSums(vocab.length, (n) => new Float64Array(n));
  index.total ??= new Float64Array(vocab.length);
  const { sums: termSums, total } = index;
  const sums = groups.map((g) => {
    for (const i of g) {
      for (let e = starts[rows[i]!]!; e < starts[rows[i]! + 1]!; e++) if (isWordy(index, ids[e]!)) termSums.add(ids[e]!, 1, counts[e]!);
    }
    const { ids: touched, second: values } = termSums.take();
    touched.forEach((id, k) => (total[id]! += values[k]!));
    return { touched, values, size: values.reduce((a, b) => a + b, 0) };
  });
  const average = sums.reduce((a, m) => a + m.size, 0) / Math.max(1, sums.length);
  const tops = sums.map(({ touched, values, size }) => {
    const top: (readonly [string, number])[] = [];
    touched.forEach((id, x) => {
      const e = [vocab[id]!, (values[x]! / (size || 1)) * Math.log(1 + average / total[id]!)] as const;
      if (top.length === limit && !before(e, top[limit - 1]!)) return;
      let at = top.length < limit ? top.length : limit - 1;
      top[at] = e;
      for (; at > 0 && before(top[at]!, top[at - 1]!); at--) [top[at - 1], top[at]] = [top[at]!, top[at - 1]!];
    });
    return top.map(([t]) => t);
  });
  for (const { touched } of sums) for (const id of touched) total[id] = 0;
  return tops;
}

/** Higher score first, then by term. */
function before(a: readonly [string, number], b: readonly [string, number]): boolean {
  return a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
}

/** Mean normalised PMI of all pairs of `terms`, by co-occurrence in the same suggestion. */
export function npmi(terms: readonly string[], docs: readonly TermDocument[]): number {
  return indexedNpmi(terms, indexTerms(docs));
}

export function indexedNpmi(terms: readonly string[], index: TermIndex): number {
  const { starts, ids, rows } = index;
  const n = rows.length;
  const t = terms.length;
  // each term's place in `terms` by term number (−1: not one of them), cleared again below
  index.place ??= new Int32Array(index.vocab.length).fill(-1);
  const { place } = index;
  const marked = terms.map((term) => index.idOf(term));
  marked.forEach((id, a) => {
    if (id >= 0) place[id] = a;
  });
  // one pass over the documents: how many hold each term, and each pair of terms
  const holding = new Float64Array(t);
  const together = new Float64Array(t * t);
  const present: number[] = [];
  for (let i = 0; i < n; i++) {
    present.length = 0;
    for (let e = starts[rows[i]!]!; e < starts[rows[i]! + 1]!; e++) if (place[ids[e]!]! >= 0) present.push(place[ids[e]!]!);
    present.sort((x, y) => x - y);
    for (let x = 0; x < present.length; x++) {
      holding[present[x]!]!++;
      for (let y = x + 1; y < present.length; y++) together[present[x]! * t + present[y]!]!++;
    }
  }
  for (const id of marked) if (id >= 0) place[id] = -1;
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < t; a++)
    for (let b = a + 1; b < t; b++) {
      const na = holding[a]!;
      const nb = holding[b]!;
      const nab = together[a * t + b]!;
      pairs++;
      if (nab === 0) {
        sum -= 1;
        continue;
      }
      const pab = nab / n;
      sum += pab === 1 ? 1 : Math.log(pab / ((na / n) * (nb / n))) / -Math.log(pab);
    }
  return pairs === 0 ? 0 : Math.round((sum / pairs) * 1000) / 1000;
}
