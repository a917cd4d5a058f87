import { snippet } from '../corpus/snippet.ts';

/** A character string that behaves like a word but is in no dictionary. */
export interface DictionaryCandidate {
  term: string;
  rank: number;
  /** ln(freq) × cohesion × freedom (see findDictionaryGaps). */
  score: number;
  freq: number;
  docs: number;
  /** Weakest pointwise mutual information over the term's split points (cohesion). */
  pmi: number;
  leftEntropy: number;
  rightEntropy: number;
  /** A short passage from the first suggestion that contains it. */
  example: string;
  /** Where the example comes from: a document id. */
  exampleId: string;
}

export interface GapOptions {
  minLength?: number;
  maxLength?: number;
  /** Occurrences a candidate needs (default 5). */
  minFreq?: number;
  /** Suggestions a candidate must occur in (default 3). */
  minDocs?: number;
  /** Minimum cohesion, natural-log PMI (default 3). */
  minPmi?: number;
  /** Minimum left and right boundary entropy (default 1.0 nats). */
  minEntropy?: number;
  limit?: number;
}

/** Characters that rarely start or end a word: function characters of Chinese. */
const EDGE_STOP = new Set([...'的了是在和与及或也都就而被把将对于从向等个我你他她它们这那有为之其不没很吗呢吧啊要会能可以已还又并且但让给到说该每某各此本中']);
/** Characters that never sit inside a word. */
const INNER_STOP = new Set([...'的了']);
const HAN_RUN = /\p{Script=Han}+/gu;
/** What stands beside a run of Chinese: a digit or Latin letter is one fixed neighbour, anything else a free boundary. */
const ATTACHED = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/u;

/**
 * New-word discovery: character n-grams of Chinese text that hold together
 * (every split point has high pointwise mutual information: 垃圾+分类 occur
 * together far more than chance) and stand free (many different characters
 * before and after them: high left and right entropy), and that `exclude`
 * does not rule out (the caller's dictionaries, and strings made of stop
 * words such as 什么时候). Score = ln(freq) × PMI × min(left, right
 * entropy); ties by term. A string contained in a better-scoring candidate
 * with nearly the same frequency is left out as a fragment of it.
 */
export function findDictionaryGaps(
  docs: readonly { id: string; text: string }[],
  exclude: (term: string) => boolean,
  options: GapOptions = {},
): DictionaryCandidate[] {
  const minLen = options.minLength ?? 2;
  const maxLen = options.maxLength ?? 6;
  const minFreq = options.minFreq ?? 5;
  const minDocs = options.minDocs ?? 3;
  const minPmi = options.minPmi ?? 3;
  const minEntropy = options.minEntropy ?? 1.0;
  const found = docs.map((d) => [...d.text.matchAll(HAN_RUN)].map((m) => ({ run: m[0], before: d.text[m.index - 1] ?? '', after: d.text[m.index + m[0].length] ?? '', at: m.index })));
  const runs = found.map((d) => d.map((r) => r.run));
  // n-gram counts for n = 1 … maxLen
  const freq = new Map<string, number>();
  let chars = 0;
  for (const doc of runs) for (const run of doc) {
    const cs = [...run];
    chars += cs.length;
    for (let i = 0; i < cs.length; i++) {
      let s = '';
      for (let n = 1; n <= maxLen && i + n <= cs.length; n++) {
        s += cs[i + n - 1];
        freq.set(s, (freq.get(s) ?? 0) + 1);
      }
    }
  }
  const p = (s: string): number => (freq.get(s) ?? 0) / chars;
  const candidates = new Map<string, { pmi: number; left: Map<string, number>; right: Map<string, number>; docs: Set<number>; example: [number, number] | null }>();
  for (const [s, f] of freq) {
    const cs = [...s];
    if (cs.length < minLen || f < minFreq) continue;
    if (EDGE_STOP.has(cs[0]!) || EDGE_STOP.has(cs[cs.length - 1]!) || cs.some((ch) => INNER_STOP.has(ch))) continue;
    let pmi = Infinity;
    for (let k = 1; k < cs.length; k++) pmi = Math.min(pmi, Math.log(p(s) / (p(cs.slice(0, k).join('')) * p(cs.slice(k).join('')))));
    if (pmi < minPmi || exclude(s)) continue;
    candidates.set(s, { pmi, left: new Map(), right: new Map(), docs: new Set(), example: null });
  }
  // neighbours: a digit or letter next to the run is the neighbour `0`; punctuation, space or the
  // text's edge is a free boundary, counted as a new neighbour each time
  let edge = 0;
  found.forEach((doc, di) => {
    for (const { run, before, after, at } of doc) {
      const cs = [...run];
      for (let i = 0; i < cs.length; i++) {
        let s = '';
        for (let n = 1; n <= maxLen && i + n <= cs.length; n++) {
          s += cs[i + n - 1];
          const c = candidates.get(s);
          if (!c) continue;
          const l = i > 0 ? cs[i - 1]! : ATTACHED.test(before) ? '0' : `^${edge++}`;
          const r = i + n < cs.length ? cs[i + n]! : ATTACHED.test(after) ? '0' : `$${edge++}`;
          c.left.set(l, (c.left.get(l) ?? 0) + 1);
          c.right.set(r, (c.right.get(r) ?? 0) + 1);
          c.docs.add(di);
          if (!c.example) c.example = [di, at];
        }
      }
    }
  });
  const scored: DictionaryCandidate[] = [];
  for (const [term, c] of candidates) {
    const leftEntropy = entropy(c.left);
    const rightEntropy = entropy(c.right);
    if (c.docs.size < minDocs || Math.min(leftEntropy, rightEntropy) < minEntropy) continue;
    const f = freq.get(term)!;
    const [di] = c.example!;
    scored.push({
      term, rank: 0, score: Math.log(f) * c.pmi * Math.min(leftEntropy, rightEntropy), freq: f, docs: c.docs.size,
      pmi: c.pmi, leftEntropy, rightEntropy, example: snippet(docs[di]!.text, term), exampleId: docs[di]!.id,
    });
  }
  scored.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const kept: DictionaryCandidate[] = [];
  for (const c of scored) {
    if (kept.some((k) => k.term.includes(c.term) && k.freq >= 0.8 * c.freq)) continue;
    kept.push(c);
    if (kept.length >= (options.limit ?? 200)) break;
  }
  kept.forEach((c, i) => (c.rank = i + 1));
  return kept;
}

function entropy(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const v of counts.values()) total += v;
  let h = 0;
  for (const v of counts.values()) h -= (v / total) * Math.log(v / total);
  return h;
}
