import type { TermDocument } from './scope-counts.ts';
import type { TermIndex } from './term-index.ts';
import { indexTerms, isWordy } from './term-index.ts';
import { TermSums } from './term-sums.ts';

/**
 * Class-based TF-IDF: a term's share in the topic × ln(1 + mean topic size / its frequency over
 * all topics); each topic's top `limit` terms, among those `named` lets name a topic (default: all).
 */
export function classTfIdf(groups: number[][], index: TermIndex, limit = 10, named?: (term: string) => boolean): string[][] {
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
      if (named !== undefined && !named(vocab[id]!)) return;
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
  return topicsNpmi([terms], indexTerms(docs))[0]!;
}

/** Longest list topicsNpmi takes: a document's terms of one list are the bits of an int32. */
const MOST_TERMS = 31;

/**
 * The mean NPMI of each list (as npmi) over an index's documents, in one pass over them for all
 * the lists (a k tried has k topics: k passes were most of the k search's coherence). The counts
 * are the same whole numbers whatever the pass, and each list's NPMI is summed on its own
 * (meanNpmi), so each value is the same bits as that list's alone. A term given twice in a list holds one of its places (its last; which one does
 * not change the mean).
 */
export function topicsNpmi(lists: readonly (readonly string[])[], index: TermIndex): number[] {
  const { starts, ids, rows } = index;
  const n = rows.length;
  // each term number's places in the lists, as a chain of slots (−1 ends it); the first slot of a
  // term in `place` (cleared again below)
  index.place ??= new Int32Array(index.vocab.length).fill(-1);
  const { place } = index;
  const slotList: number[] = [];
  const slotAt: number[] = [];
  const nextSlot: number[] = [];
  const marked: number[] = [];
  lists.forEach((terms, list) => {
    if (terms.length > MOST_TERMS) throw new RangeError(`topicsNpmi: ${terms.length} terms in a list, at most ${MOST_TERMS}`);
    const at = new Map<number, number>();
    terms.forEach((term, a) => {
      const id = index.idOf(term);
      if (id >= 0) at.set(id, a);
    });
    for (const [id, a] of at) {
      if (place[id] === -1) marked.push(id);
      slotList.push(list);
      slotAt.push(a);
      nextSlot.push(place[id]!);
      place[id] = slotList.length - 1;
    }
  });
  // one pass over the documents: which of each list's terms a document holds (bits), then how
  // many hold each term and each pair, pairs in the order of their places
  const holding = lists.map((terms) => new Float64Array(terms.length));
  const together = lists.map((terms) => new Float64Array(terms.length * terms.length));
  const bits = new Int32Array(lists.length);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let e = starts[rows[i]!]!; e < starts[rows[i]! + 1]!; e++)
      for (let slot = place[ids[e]!]!; slot >= 0; slot = nextSlot[slot]!) {
        const list = slotList[slot]!;
        if (bits[list] === 0) touched.push(list);
        bits[list]! |= 1 << slotAt[slot]!;
      }
    for (const list of touched) {
      const t = lists[list]!.length;
      const h = holding[list]!;
      const both = together[list]!;
      for (let rest = bits[list]!; rest !== 0; rest &= rest - 1) {
        const x = 31 - Math.clz32(rest & -rest);
        h[x]!++;
        for (let more = rest & (rest - 1); more !== 0; more &= more - 1) both[x * t + (31 - Math.clz32(more & -more))]!++;
      }
      bits[list] = 0;
    }
    touched.length = 0;
  }
  for (const id of marked) place[id] = -1;
  return lists.map((terms, list) => {
    const t = terms.length;
    const h = holding[list]!;
    const both = together[list]!;
    return meanNpmi(
      t,
      n,
      (a) => h[a]!,
      (a, b) => both[a * t + b]!,
    );
  });
}

/**
 * The mean NPMI over the pairs of a list of `t` terms, from counts over `n` suggestions:
 * `holding(a)` hold term a, `together(a, b)` (a < b) hold both; a pair never together counts −1.
 * Rounded to 3 decimals.
 */
export function meanNpmi(t: number, n: number, holding: (a: number) => number, together: (a: number, b: number) => number): number {
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < t; a++)
    for (let b = a + 1; b < t; b++) {
      const nab = together(a, b);
      pairs++;
      if (nab === 0) {
        sum -= 1;
        continue;
      }
      const pab = nab / n;
      sum += pab === 1 ? 1 : Math.log(pab / ((holding(a) / n) * (holding(b) / n))) / -Math.log(pab);
    }
  return pairs === 0 ? 0 : Math.round((sum / pairs) * 1000) / 1000;
}
