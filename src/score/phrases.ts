import { logLikelihood } from './keyness.ts';

/** Separates the two tokens of a pair key (as written by the segment stage). */
const SEPARATOR = '\u0001';

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
  /** Suggestions a phrase must occur in (default 3). */
  minDocs?: number;
  /** Minimum PMI, natural log (default ln 8: eight times more often than chance). */
  minPmi?: number;
  /** Share of the rarer token's pairings that must be this pair (default 0.3). */
  minDominance?: number;
}

/**
 * Collocations among adjacent content tokens (老年+助餐, 供给+侧): pairs seen
 * in at least `minDocs` suggestions, with PMI of at least `minPmi`, a G²
 * significant at p < 0.001, and making up at least `minDominance` of the
 * rarer token's pairings, so a phrase is what the token usually belongs to.
 * Expected counts come from the pair table's margins. Sorted by term.
 */
export function findPhrases(docPairs: Iterable<ReadonlyMap<string, number>>, options: PhraseOptions = {}): Phrase[] {
  const minDocs = options.minDocs ?? 3;
  const minPmi = options.minPmi ?? Math.log(8);
  const minDominance = options.minDominance ?? 0.3;
  const count = new Map<string, number>();
  const docs = new Map<string, number>();
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  let total = 0;
  for (const pairs of docPairs) {
    for (const [key, c] of pairs) {
      count.set(key, (count.get(key) ?? 0) + c);
      docs.set(key, (docs.get(key) ?? 0) + 1);
      const sep = key.indexOf(SEPARATOR);
      const l = key.slice(0, sep);
      const r = key.slice(sep + 1);
      left.set(l, (left.get(l) ?? 0) + c);
      right.set(r, (right.get(r) ?? 0) + c);
      total += c;
    }
  }
  const out: Phrase[] = [];
  for (const [key, c] of count) {
    const d = docs.get(key)!;
    if (d < minDocs) continue;
    const sep = key.indexOf(SEPARATOR);
    const l = key.slice(0, sep);
    const r = key.slice(sep + 1);
    if (l === r) continue;
    const nl = left.get(l)!;
    const nr = right.get(r)!;
    const pmi = Math.log((c * total) / (nl * nr));
    if (pmi < minPmi || c / Math.min(nl, nr) < minDominance) continue;
    const ll = logLikelihood(c, nl, nr - c, total - nl);
    if (!ll.over || ll.p >= 0.001) continue;
    out.push({ term: joinTokens(l, r), left: l, right: r, count: c, docs: d, pmi, g2: ll.g2 });
  }
  // a single character binds to one side only (供给+侧 | 侧+结构性): it stays with the more
  // frequent pair, with the word before it on a tie, as such characters are mostly suffixes
  const asRight = new Map<string, number>();
  const asLeft = new Map<string, number>();
  for (const p of out) {
    if ([...p.right].length === 1) asRight.set(p.right, Math.max(asRight.get(p.right) ?? 0, p.count));
    if ([...p.left].length === 1) asLeft.set(p.left, Math.max(asLeft.get(p.left) ?? 0, p.count));
  }
  const bound = out.filter((p) =>
    !([...p.left].length === 1 && (asRight.get(p.left) ?? 0) >= p.count) && !([...p.right].length === 1 && (asLeft.get(p.right) ?? 0) > p.count));
  // two pairs can spell the same term (a+bc, ab+c): keep the stronger
  const byTerm = new Map<string, Phrase>();
  for (const p of bound) {
    const prior = byTerm.get(p.term);
    if (!prior || p.count > prior.count) byTerm.set(p.term, p);
  }
  return [...byTerm.values()].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

function joinTokens(l: string, r: string): string {
  return /[A-Za-z0-9]$/.test(l) && /^[A-Za-z0-9]/.test(r) ? `${l} ${r}` : l + r;
}

/**
 * A document's terms with its phrases added (count = the pair's count in it).
 * The phrase's own tokens keep their counts: a phrase is a keyword beside them.
 */
export function withPhrases(terms: ReadonlyMap<string, number>, pairs: ReadonlyMap<string, number>, phrases: ReadonlyMap<string, Phrase>): ReadonlyMap<string, number> {
  let added: Map<string, number> | null = null;
  for (const [key, c] of pairs) {
    const p = phrases.get(key);
    if (p && !terms.has(p.term)) {
      added ??= new Map();
      added.set(p.term, (added.get(p.term) ?? 0) + c);
    }
  }
  // a document without phrases keeps its own Map when it is in term order (no copy of every document's counts)
  if (added === null && inTermOrder(terms)) return terms;
  return new Map([...terms, ...(added ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

function inTermOrder(terms: ReadonlyMap<string, number>): boolean {
  let previous: string | null = null;
  for (const t of terms.keys()) {
    if (previous !== null && !(previous < t)) return false;
    previous = t;
  }
  return true;
}

/** Phrases by their pair key, for withPhrases. */
export function phraseIndex(phrases: readonly Phrase[]): Map<string, Phrase> {
  return new Map(phrases.map((p) => [p.left + SEPARATOR + p.right, p]));
}
