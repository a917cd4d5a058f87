import type { SuggestionRecord } from '../corpus/record.ts';
import type { CountBatch, PairBatch } from '../matrix/table-builders.ts';
import { PAIR_TOKENS } from '../matrix/table-builders.ts';
import { SlotTable } from '../matrix/slot-table.ts';
import { recordText } from './document-terms.ts';
import type { Lexicon } from './lexicon.ts';
import type { Segmenter } from './segmenter.ts';
import { classifyToken } from './token-filter.ts';
import { cutLongText } from './long-text.ts';

/**
 * What a thread's batches have seen, kept from one batch to the next: terms
 * and content tokens keep their numbers, so that a batch carries only the
 * keys first seen in it and the receiving side translates the rest by number
 * (count-table.ts `BatchSource`) instead of looking every key of every batch
 * up by its text again, on one thread. Use one per thread and per run, with
 * one BatchSource on the receiving side, fed its batches in the order they
 * were made.
 */
export class BatchVocabulary {
  readonly terms = new Numbering();
  readonly content = new Numbering();
  /** Term entries of every batch so far (the term counter's entry numbers run on across batches). */
  readonly termCounter = new Counter();
}

/**
 * The term and pair counts of a batch of records (see DocumentCounts):
 * compact, each distinct raw token classified once per batch, and pairs
 * numbered by their two tokens (count-table.ts builds their text). Keys and
 * tokens are numbered in `vocabulary`, and the batch lists those first seen
 * in it; a new vocabulary per batch makes a batch that stands alone.
 */
export function batchCounts(
  records: readonly Pick<SuggestionRecord, 'title' | 'text'>[],
  segmenter: Segmenter,
  lexicon: Lexicon,
  vocabulary: BatchVocabulary = new BatchVocabulary(),
): { terms: CountBatch; pairs: PairBatch } {
  const { terms: termIds, content } = vocabulary;
  // raw token → [term id or −1, content id or −1], for this batch (one Map of every raw token a
  // thread saw, kept from batch to batch, made the batches slower: larger than the caches)
  const tokens = new Map<string, [number, number]>();
  const terms = vocabulary.termCounter;
  terms.startBatch();
  const pairKeys = new SlotTable(1 << 14);
  const pairs = new Counter();
  pairs.startBatch();
  const halves: number[] = [];
  for (const record of records) {
    terms.startDocument();
    pairs.startDocument();
    let previous = -1;
    for (const token of cutLongText(segmenter, recordText(record))) {
      let known = tokens.get(token);
      if (known === undefined) {
        const c = classifyToken(token, lexicon);
        const text = 'term' in c ? c.term : c.drop === 'single-char' ? token.trim() : null;
        if (text !== null && content.size === PAIR_TOKENS && !content.has(text))
          throw new RangeError(`a segmentation thread numbers at most ${PAIR_TOKENS} distinct tokens`);
        known = ['term' in c ? termIds.idOf(c.term) : -1, text === null ? -1 : content.idOf(text)];
        tokens.set(token, known);
      }
      if (known[0] >= 0) terms.count(known[0]);
      const here = known[1];
      if (here >= 0 && previous >= 0) {
        const id = pairKeys.slot(previous * PAIR_TOKENS + here);
        if (id === halves.length / 2) halves.push(previous, here);
        pairs.count(id);
      }
      previous = here;
    }
  }
  return {
    terms: { keys: termIds.takeNew(), ...terms.rows() },
    pairs: { tokens: content.takeNew(), halves: Int32Array.from(halves), ...pairs.rows() },
  };
}

/** Keys numbered in order of first sighting; `takeNew` gives those numbered since it was last called. */
class Numbering {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private sent = 0;

  get size(): number {
    return this.keys.length;
  }

  has(key: string): boolean {
    return this.ids.has(key);
  }

  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, (id = this.keys.length));
      this.keys.push(key);
    }
    return id;
  }

  takeNew(): string[] {
    const fresh = this.keys.slice(this.sent);
    this.sent = this.keys.length;
    return fresh;
  }
}

/**
 * Entries of the documents of a batch, by key id, with a document's first
 * sighting of a key opening its entry. Entry numbers run on from batch to
 * batch, so that one counter serves every batch of a thread.
 */
class Counter {
  private starts: number[] = [];
  private entryIds: number[] = [];
  private entryCounts: number[] = [];
  /** Number of this batch's first entry. */
  private base = 0;
  /** Number of the current document's first entry. */
  private documentStart = 0;
  /** Per key id: the number of its latest entry (it is the current document's if not below documentStart). */
  private entryOf: number[] = [];

  startBatch(): void {
    this.base += this.entryIds.length;
    this.starts = [];
    this.entryIds = [];
    this.entryCounts = [];
  }

  startDocument(): void {
    this.starts.push(this.entryIds.length);
    this.documentStart = this.base + this.entryIds.length;
  }

  count(id: number): void {
    const e = this.entryOf[id];
    if (e !== undefined && e >= this.documentStart) {
      this.entryCounts[e - this.base]!++;
      return;
    }
    this.entryOf[id] = this.base + this.entryIds.length;
    this.entryIds.push(id);
    this.entryCounts.push(1);
  }

  /** The batch's documents' entries, as a batch carries them. */
  rows(): Omit<CountBatch, 'keys'> {
    return {
      starts: Int32Array.from([...this.starts, this.entryIds.length]),
      ids: Int32Array.from(this.entryIds),
      counts: Int32Array.from(this.entryCounts),
    };
  }
}
