import type { UserWord } from './dictionary-files.ts';

/** The segmenter backends: both load the same main and user dictionaries. */
export const SEGMENTER_BACKENDS = ['node-rs', 'nodejieba'] as const;
export type SegmenterBackend = (typeof SEGMENTER_BACKENDS)[number];

/** Cuts text into words; the raw jieba output, before any filtering. */
export interface Segmenter {
  readonly backend: SegmenterBackend;
  cut(text: string): string[];
  /** The same cut with each word's part-of-speech tag (jieba's tag set; `x` for punctuation and words in no dictionary). */
  tag(text: string): TaggedWord[];
  /** Every dictionary word inside the text as well as the cut (jieba's search mode: 共享停车 → 共享 停车 共享停车). */
  subWords(text: string): string[];
}

/** A word and its part-of-speech tag, as jieba's posseg gives them. */
export interface TaggedWord {
  word: string;
  tag: string;
}

export interface SegmenterOptions {
  backend: SegmenterBackend;
  userWords: readonly UserWord[];
  /** jieba's HMM for words not in any dictionary (default true, as in Python jieba). */
  hmm?: boolean;
}

/** One user-dictionary line per word, in jieba's `word freq pos` form. */
export function userDictText(words: readonly UserWord[]): string {
  return words.map((w) => `${w.word} ${w.freq} ${w.tag}\n`).join('');
}
