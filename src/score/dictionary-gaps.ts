import { snippet } from '../corpus/snippet.ts';
import { SlotTable } from '../matrix/slot-table.ts';

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
const EDGE_STOP = new Set([
  ...'的了是在和与及或也都就而被把将对于从向等个我你他她它们这那有为之其不没很吗呢吧啊要会能可以已还又并且但让给到说该每某各此本中',
]);
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
 *
 * Counting is level-wise (Apriori): every substring of an n-gram seen
 * `minFreq` times is seen at least that often too, so n-grams are counted
 * only where both (n−1)-grams inside them are frequent, under numeric keys
 * (id of the (n−1)-gram × alphabet + last character). The result is the
 * same as counting every n-gram; the tables hold only the frequent ones.
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
  const text = hanPositions(docs);
  const { code, chars, alphabet } = text;
  // level 1: characters (a character's id is its code)
  const charFreq = new Float64Array(alphabet.length);
  for (let p = 0; p < code.length; p++) if (code[p]! >= 0) charFreq[code[p]!]!++;
  let idAt = new Int32Array(code.length).fill(-1);
  for (let p = 0; p < code.length; p++) if (code[p]! >= 0 && charFreq[code[p]!]! >= minFreq) idAt[p] = code[p]!;
  const edgeStop = Uint8Array.from(alphabet, (ch) => (EDGE_STOP.has(ch) ? 1 : 0));
  const innerStop = Uint8Array.from(alphabet, (ch) => (INNER_STOP.has(ch) ? 1 : 0));
  // levels 2 … n: the n-grams counted (key: id of the (n−1)-gram before the last character ×
  // alphabet + that character), the id of each frequent one and its frequency
  const levels: { slots: SlotTable; idOfSlot: Int32Array; freq: Float64Array }[] = [];
  /** Frequency of the m-gram at position q (every piece of a frequent n-gram is frequent). */
  const freqAt = (q: number, m: number): number => {
    let id = code[q]!;
    if (m === 1) return charFreq[id]!;
    for (let j = 2; j <= m; j++) {
      const level = levels[j]!;
      id = level.idOfSlot[level.slots.find(id * alphabet.length + code[q + j - 1]!)]!;
    }
    return levels[m]!.freq[id]!;
  };
  const candidates: {
    term: string;
    pmi: number;
    freq: number;
    left: Map<number, number>;
    right: Map<number, number>;
    docs: number;
    lastDoc: number;
    exampleDoc: number;
  }[] = [];
  let edge = 0;
  for (let n = 2; n <= maxLen; n++) {
    // count n-grams whose prefix and suffix (n−1)-grams are frequent
    const slots = new SlotTable();
    const counts: number[] = [];
    const firstAt: number[] = [];
    const slotAt = new Int32Array(code.length).fill(-1);
    for (let q = 0; q + 1 < code.length; q++) {
      const prefix = idAt[q]!;
      if (prefix < 0 || idAt[q + 1]! < 0) continue;
      const s = slots.slot(prefix * alphabet.length + code[q + n - 1]!);
      slotAt[q] = s;
      if (s === counts.length) {
        counts.push(1);
        firstAt.push(q);
      } else counts[s]!++;
    }
    // frequent n-grams get ids; those that pass the word tests become candidates
    const idOfSlot = new Int32Array(counts.length).fill(-1);
    const candidateOfSlot = new Int32Array(counts.length).fill(-1);
    const freq: number[] = [];
    for (let s = 0; s < counts.length; s++) {
      if (counts[s]! < minFreq) continue;
      idOfSlot[s] = freq.length;
      freq.push(counts[s]!);
    }
    levels[n] = { slots, idOfSlot, freq: Float64Array.from(freq) };
    for (let s = 0; s < counts.length && n >= minLen; s++) {
      const f = counts[s]!;
      if (f < minFreq) continue;
      const at = firstAt[s]!;
      if (edgeStop[code[at]!] || edgeStop[code[at + n - 1]!]) continue;
      let inner = false;
      for (let k = 0; k < n && !inner; k++) inner = innerStop[code[at + k]!] === 1;
      if (inner) continue;
      // cohesion: the weakest split, ln(p(gram) / (p(left) p(right))) with p = frequency / characters
      let pmi = Infinity;
      for (let k = 1; k < n; k++) pmi = Math.min(pmi, Math.log(f / chars / ((freqAt(at, k) / chars) * (freqAt(at + k, n - k) / chars))));
      if (pmi < minPmi) continue;
      const term = text.gram(at, n).join('');
      if (exclude(term)) continue;
      candidateOfSlot[s] = candidates.length;
      candidates.push({ term, pmi, freq: f, left: new Map(), right: new Map(), docs: 0, lastDoc: -1, exampleDoc: -1 });
    }
    // neighbours: a digit or letter next to the run is one fixed neighbour (-1); punctuation,
    // space or the text's edge is a free boundary, counted as a new neighbour (-2, -3, …) each time
    const next = new Int32Array(code.length).fill(-1);
    for (let q = 0; q < code.length; q++) {
      const s = slotAt[q]!;
      if (s < 0) continue;
      next[q] = idOfSlot[s]!;
      const ci = candidateOfSlot[s]!;
      if (ci < 0) continue;
      const c = candidates[ci]!;
      const l = q > 0 && code[q - 1]! >= 0 ? code[q - 1]! : text.attachedBefore[q] ? -1 : -2 - edge++;
      const r = code[q + n]! >= 0 ? code[q + n]! : text.attachedAfter[q + n] ? -1 : -2 - edge++;
      c.left.set(l, (c.left.get(l) ?? 0) + 1);
      c.right.set(r, (c.right.get(r) ?? 0) + 1);
      const d = text.docAt[q]!;
      if (d !== c.lastDoc) {
        c.docs++;
        c.lastDoc = d;
      }
      if (c.exampleDoc < 0) c.exampleDoc = d;
    }
    idAt = next;
  }
  const scored: DictionaryCandidate[] = [];
  for (const c of candidates) {
    const leftEntropy = entropy(c.left);
    const rightEntropy = entropy(c.right);
    if (c.docs < minDocs || Math.min(leftEntropy, rightEntropy) < minEntropy) continue;
    const doc = docs[c.exampleDoc]!;
    scored.push({
      term: c.term,
      rank: 0,
      score: Math.log(c.freq) * c.pmi * Math.min(leftEntropy, rightEntropy),
      freq: c.freq,
      docs: c.docs,
      pmi: c.pmi,
      leftEntropy,
      rightEntropy,
      example: snippet(doc.text, c.term),
      exampleId: doc.id,
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

/** The Chinese runs of all texts laid end to end as character ids, each run followed by a -1. */
interface HanPositions {
  code: Int32Array;
  /** Which document each position belongs to. */
  docAt: Int32Array;
  /** At a run's first position: a digit or letter stands right before the run. */
  attachedBefore: Uint8Array;
  /** At a run's closing -1: a digit or letter stands right after the run. */
  attachedAfter: Uint8Array;
  /** Character of each id. */
  alphabet: string[];
  /** Characters in runs. */
  chars: number;
  /** The characters of the n-gram at a position. */
  gram(at: number, n: number): string[];
}

function hanPositions(docs: readonly { text: string }[]): HanPositions {
  // a character's id by its code point: an array for the basic plane, a map beyond it
  const idOfBasic = new Int32Array(0x10000).fill(-1);
  const idOfOther = new Map<number, number>();
  const alphabet: string[] = [];
  // typed arrays grown by doubling: as arrays of numbers copied at the end, they raised the peak of
  // the search over a 4-million-character sample by about 80 MB
  let code = new Int32Array(1 << 16);
  let docAt = new Int32Array(code.length);
  let attachedBefore = new Uint8Array(code.length);
  let attachedAfter = new Uint8Array(code.length + 1);
  let length = 0;
  const push = (c: number, d: number): void => {
    if (length === code.length) {
      const capacity = 2 * code.length;
      code = grown(code, new Int32Array(capacity));
      docAt = grown(docAt, new Int32Array(capacity));
      attachedBefore = grown(attachedBefore, new Uint8Array(capacity));
      attachedAfter = grown(attachedAfter, new Uint8Array(capacity + 1));
    }
    code[length] = c;
    docAt[length++] = d;
  };
  let chars = 0;
  docs.forEach((d, di) => {
    for (const m of d.text.matchAll(HAN_RUN)) {
      const start = length;
      for (let i = m.index, runEnd = m.index + m[0].length; i < runEnd;) {
        const point = d.text.codePointAt(i)!;
        i += point > 0xffff ? 2 : 1;
        let c = point > 0xffff ? (idOfOther.get(point) ?? -1) : idOfBasic[point]!;
        if (c < 0) {
          c = alphabet.length;
          if (point > 0xffff) idOfOther.set(point, c);
          else idOfBasic[point] = c;
          alphabet.push(String.fromCodePoint(point));
        }
        push(c, di);
        chars++;
      }
      if (ATTACHED.test(d.text[m.index - 1] ?? '')) attachedBefore[start] = 1;
      const end = length;
      push(-1, di);
      if (ATTACHED.test(d.text[m.index + m[0].length] ?? '')) attachedAfter[end] = 1;
    }
  });
  const codes = code.subarray(0, length);
  return {
    code: codes,
    docAt: docAt.subarray(0, length),
    attachedBefore: attachedBefore.subarray(0, length),
    attachedAfter: attachedAfter.subarray(0, length + 1),
    alphabet,
    chars,
    gram: (at, n) => Array.from(codes.subarray(at, at + n), (c) => alphabet[c]!),
  };
}

/** `into` (a larger array) with `from` copied to its start. */
function grown<T extends Int32Array | Uint8Array>(from: T, into: T): T {
  into.set(from);
  return into;
}

function entropy(counts: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const v of counts.values()) total += v;
  let h = 0;
  for (const v of counts.values()) h -= (v / total) * Math.log(v / total);
  return h;
}
