import type { SuggestionRecord } from '../corpus/record.ts';
import type { CountBatch, PairBatch } from './count-table.ts';
import { SlotTable } from '../slot-table.ts';
import { recordText } from './document-terms.ts';
import type { Lexicon } from './lexicon.ts';
import type { Segmenter } from './segmenter.ts';
import { classifyToken } from './token-filter.ts';

/** Content tokens a batch can number: pair keys are left · 2²¹ + right. */
const MAX_CONTENT = 2 ** 21;

/**
 * The term and pair counts of a batch of records (see DocumentCounts):
 * compact, each distinct raw token classified once per batch, and pairs
 * numbered by their two tokens (count-table.ts builds their text).
 */
export function batchCounts(records: readonly Pick<SuggestionRecord, 'title' | 'text'>[], segmenter: Segmenter, lexicon: Lexicon): { terms: CountBatch; pairs: PairBatch } {
  // raw token → [term id or −1, content id or −1]
  const tokens = new Map<string, [number, number]>();
  const contentIds = new Map<string, number>();
  const content: string[] = [];
  const terms = new Counter();
  const pairKeys = new SlotTable(1 << 14);
  const pairs = new Counter();
  const halves: number[] = [];
  const numberContent = (text: string): number => {
    let id = contentIds.get(text);
    if (id === undefined) {
      if (content.length === MAX_CONTENT) throw new RangeError(`a batch holds at most ${MAX_CONTENT} distinct tokens`);
      contentIds.set(text, (id = content.length));
      content.push(text);
    }
    return id;
  };
  for (const record of records) {
    terms.startDocument();
    pairs.startDocument();
    let previous = -1;
    for (const token of segmenter.cut(recordText(record))) {
      let known = tokens.get(token);
      if (known === undefined) {
        const c = classifyToken(token, lexicon);
        const text = 'term' in c ? c.term : c.drop === 'single-char' ? token.trim() : null;
        known = ['term' in c ? terms.idOf(c.term) : -1, text === null ? -1 : numberContent(text)];
        tokens.set(token, known);
      }
      if (known[0] >= 0) terms.count(known[0]);
      const here = known[1];
      if (here >= 0 && previous >= 0) {
        const id = pairKeys.slot(previous * MAX_CONTENT + here);
        if (id === halves.length / 2) halves.push(previous, here);
        pairs.count(id);
      }
      previous = here;
    }
  }
  return { terms: { keys: terms.keys, ...terms.rows() }, pairs: { tokens: content, halves: Int32Array.from(halves), ...pairs.rows() } };
}

/** Entries of the documents of a batch, by key id, with a document's first sighting of a key opening its entry. */
class Counter {
  readonly keys: string[] = [];
  private readonly ids = new Map<string, number>();
  private starts: number[] = [];
  private entryIds: number[] = [];
  private entryCounts: number[] = [];
  /** Per key id: the entry it has in the current document, or −1 (the entry's document is checked against starts). */
  private entryOf: number[] = [];

  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, (id = this.keys.length));
      this.keys.push(key);
    }
    return id;
  }

  startDocument(): void {
    this.starts.push(this.entryIds.length);
  }

  count(id: number): void {
    const e = this.entryOf[id];
    if (e !== undefined && e >= this.starts[this.starts.length - 1]!) {
      this.entryCounts[e]!++;
      return;
    }
    this.entryOf[id] = this.entryIds.length;
    this.entryIds.push(id);
    this.entryCounts.push(1);
  }

  /** The documents' entries, as a batch carries them. */
  rows(): Omit<CountBatch, 'keys'> {
    return { starts: Int32Array.from([...this.starts, this.entryIds.length]), ids: Int32Array.from(this.entryIds), counts: Int32Array.from(this.entryCounts) };
  }
}
