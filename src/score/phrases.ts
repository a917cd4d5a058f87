import type { CountTable } from '../matrix/count-table.ts';
import { allocateTable } from '../matrix/count-table.ts';
import { sortEntries } from '../matrix/sort-entries.ts';
import { PAIR_SEPARATOR } from '../matrix/table-builders.ts';
import { logLikelihood } from './keyness.ts';

/** Two adjacent tokens that occur together far above chance, kept as one keyword. */
export interface Phrase {
  /** The tokens joined as Chinese writes them (a space only between two Latin words). */
  term: string;
  left: string;
  right: string;
  /** Occurrences of the pair and suggestions containing it. */
  count: number;
  docs: number;
  /** Pointwise mutual information, ln(observed / expected). */
  pmi: number;
  /** Dunning G² of the pair against the tokens' other neighbours. */
  g2: number;
}

export interface PhraseOptions {
  /** Suggestions a phrase must occur in (default 2)… */
  minDocs?: number;
  /** …or occurrences, in however few suggestions: a few long documents are evidence too (default 3). */
  minCount?: number;
  /** Minimum PMI, natural log (default ln 8: eight times more often than chance). */
  minPmi?: number;
  /** Share of the rarer token's pairings that must be this pair (default 0.3)… */
  minDominance?: number;
  /** …and for a pair on thin evidence, in fewer than 3 suggestions and raised fewer than `minCount` times (default 0.6). */
  thinDominance?: number;
}

/**
 * Collocations among adjacent content tokens (老年+助餐, 供给+侧, 新+动能): pairs
 * seen in at least `minDocs` suggestions or `minCount` times (a session of a
 * few suggestions, or one long report a year; a pair in two suggestions only
 * must make up `thinDominance` of its rarer token's pairings), with PMI of at least `minPmi`, a G²
 * significant at p < 0.001, and making up at least `minDominance` of the
 * rarer token's pairings, so a phrase is what the token usually belongs to.
 * Expected counts come from the pair table's margins: `table` holds the
 * documents' pair counts (as the segment stage makes it), summed by pair
 * number with each pair's text split once. Sorted by term.
 */
export function findPhrases(table: CountTable, options: PhraseOptions = {}): Phrase[] {
  const minDocs = options.minDocs ?? 2;
  const minCount = options.minCount ?? 3;
  const minPmi = options.minPmi ?? Math.log(8);
  const minDominance = options.minDominance ?? 0.3;
  const thinDominance = options.thinDominance ?? 0.6;
  const keys = table.vocab.length;
  const count = new Float64Array(keys);
  const docs = new Int32Array(keys);
  // the entry where each pair first occurs: the order the pairs were first met in (it breaks ties below)
  const first = new Int32Array(keys).fill(-1);
  let total = 0;
  for (let e = 0; e < table.ids.length; e++) {
    const id = table.ids[e]!;
    const c = table.counts[e]!;
    count[id]! += c;
    docs[id]!++;
    if (first[id] === -1) first[id] = e;
    total += c;
  }
  const halves = table.vocab.map((key) => {
    const sep = key.indexOf(PAIR_SEPARATOR);
    return [key.slice(0, sep), key.slice(sep + 1)] as const;
  });
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  halves.forEach(([l, r], id) => {
    left.set(l, (left.get(l) ?? 0) + count[id]!);
    right.set(r, (right.get(r) ?? 0) + count[id]!);
  });
  const found: { phrase: Phrase; first: number }[] = [];
  for (let id = 0; id < keys; id++) {
    const c = count[id]!;
    const d = docs[id]!;
    if (d < minDocs && c < minCount) continue;
    const [l, r] = halves[id]!;
    if (l === r) continue;
    const nl = left.get(l)!;
    const nr = right.get(r)!;
    const pmi = Math.log((c * total) / (nl * nr));
    if (pmi < minPmi || c / Math.min(nl, nr) < (d < 3 && c < minCount ? thinDominance : minDominance)) continue;
    const ll = logLikelihood(c, nl, nr - c, total - nl);
    if (!ll.over || ll.p >= 0.001) continue;
    found.push({ phrase: { term: joinTokens(l, r), left: l, right: r, count: c, docs: d, pmi, g2: ll.g2 }, first: first[id]! });
  }
  const out = found.sort((x, y) => x.first - y.first).map((f) => f.phrase);
  // a single character binds to one side only (供给+侧 | 侧+结构性): the side where its phrases
  // occur more often in all (新 is a prefix: 新+时代 and 新+动能 outweigh 习近平+新, a piece of
  // 习近平+新时代), the word before it on a tie, as such characters are mostly suffixes
  const asRight = new Map<string, number>();
  const asLeft = new Map<string, number>();
  for (const p of out) {
    if ([...p.right].length === 1) asRight.set(p.right, (asRight.get(p.right) ?? 0) + p.count);
    if ([...p.left].length === 1) asLeft.set(p.left, (asLeft.get(p.left) ?? 0) + p.count);
  }
  const bound = out.filter(
    (p) =>
      !([...p.left].length === 1 && (asRight.get(p.left) ?? 0) >= asLeft.get(p.left)!) &&
      !([...p.right].length === 1 && (asLeft.get(p.right) ?? 0) > asRight.get(p.right)!),
  );
  // two pairs can spell the same term (a+bc, ab+c): keep the stronger
  const byTerm = new Map<string, Phrase>();
  for (const p of bound) {
    const prior = byTerm.get(p.term);
    if (!prior || p.count > prior.count) byTerm.set(p.term, p);
  }
  return [...byTerm.values()].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

export function joinTokens(l: string, r: string): string {
  return /[A-Za-z0-9]$/.test(l) && /^[A-Za-z0-9]/.test(r) ? `${l} ${r}` : l + r;
}

/**
 * Documents' terms with their phrases added (count = the pair's count in the
 * document; a phrase the document already has as a token is not added). The
 * phrase's own tokens keep their counts: a phrase is a keyword beside them.
 * `terms` and `pairs` hold the same documents in the same order; the result
 * holds them too, each row in key order.
 */
export function withPhrases(terms: CountTable, pairs: CountTable, phrases: readonly Phrase[]): CountTable {
  // the key numbers of terms ∪ phrase terms, in sorted order: a term keeps its order, so its rows stay sorted
  const phraseTerms = [...new Set(phrases.map((p) => p.term))].sort();
  const vocab: string[] = [];
  const termId = new Int32Array(terms.vocab.length);
  const phraseId = new Map<string, number>();
  for (let i = 0, j = 0; i < terms.vocab.length || j < phraseTerms.length;) {
    const t = terms.vocab[i];
    const p = phraseTerms[j];
    if (p === undefined || (t !== undefined && t <= p)) {
      // a phrase that is also a term elsewhere shares the term's number
      if (t === p) {
        phraseId.set(p!, vocab.length);
        j++;
      }
      termId[i++] = vocab.length;
      vocab.push(t!);
    } else {
      phraseId.set(p, vocab.length);
      j++;
      vocab.push(p);
    }
  }
  // pair number → the phrase term's number, or −1
  const phraseOfPair = new Int32Array(pairs.vocab.length).fill(-1);
  for (const p of phrases) {
    const at = sortedIndex(pairs.vocab, p.left + PAIR_SEPARATOR + p.right);
    if (at >= 0) phraseOfPair[at] = phraseId.get(p.term)!;
  }
  const n = terms.starts.length - 1;
  const additions: number[][] = [];
  let entries = terms.ids.length;
  for (let d = 0; d < n; d++) {
    let added: number[] | null = null;
    for (let e = pairs.starts[d]!; e < pairs.starts[d + 1]!; e++) {
      const id = phraseOfPair[pairs.ids[e]!]!;
      if (id < 0 || hasKey(terms, termId, d, id)) continue;
      // (id, count) pairs; two pairs spelling one phrase term add up
      added ??= [];
      let k = 0;
      while (k < added.length && added[k] !== id) k += 2;
      if (k < added.length) added[k + 1]! += pairs.counts[e]!;
      else added.push(id, pairs.counts[e]!);
    }
    if (added) {
      additions[d] = added;
      entries += added.length / 2;
    }
  }
  const out = allocateTable(vocab, n, entries);
  let at = 0;
  for (let d = 0; d < n; d++) {
    out.starts[d] = at;
    const from = at;
    for (let e = terms.starts[d]!; e < terms.starts[d + 1]!; e++) {
      out.ids[at] = termId[terms.ids[e]!]!;
      out.counts[at++] = terms.counts[e]!;
    }
    const added = additions[d];
    if (added) {
      for (let k = 0; k < added.length; k += 2) {
        out.ids[at] = added[k]!;
        out.counts[at++] = added[k + 1]!;
      }
    }
    if (added || !terms.ascending[d]) sortEntries(out.ids, out.counts, from, at);
    out.ascending[d] = 1;
  }
  out.starts[n] = at;
  return out;
}

/** Whether document d of `terms` holds the key numbered `id` in the merged numbering `termId`. */
function hasKey(terms: CountTable, termId: Int32Array, d: number, id: number): boolean {
  for (let e = terms.starts[d]!; e < terms.starts[d + 1]!; e++) if (termId[terms.ids[e]!] === id) return true;
  return false;
}

/** The index of `key` in a vocabulary sorted by <, or −1. */
function sortedIndex(vocab: readonly string[], key: string): number {
  let lo = 0;
  let hi = vocab.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vocab[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < vocab.length && vocab[lo] === key ? lo : -1;
}
