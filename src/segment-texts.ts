import type { FieldMap } from './corpus/field-map.ts';
import { readCorpus } from './corpus/read-corpus.ts';
import type { Diagnostic } from './diagnostics.ts';
import { createSegmenter } from './segment/create-segmenter.ts';
import { recordText } from './segment/document-terms.ts';
import type { LexiconOptions } from './segment/lexicon.ts';
import { loadLexicon } from './segment/lexicon.ts';
import type { SegmenterBackend } from './segment/segmenter.ts';
import { filterTokens } from './segment/token-filter.ts';

export interface SegmentTextsOptions extends LexiconOptions {
  segmenter?: SegmenterBackend;
  hmm?: boolean;
  /** jieba's tokens before stop words, synonyms and filters. */
  raw?: boolean;
}

/** Each text's terms as the run counts them (or jieba's raw tokens), for inspection. */
export interface SegmentedText {
  id: string;
  terms: string[];
}

/** How texts are cut: one suggestion file's records, or plain lines (id = line number). */
export type SegmentSource = { file: string; map?: FieldMap; sheet?: string | readonly string[] } | { lines: readonly string[] };

/**
 * `hotwords segment`: the terms of every record of a file (or of every
 * non-empty line), with the dictionaries, stop words and synonyms a run uses.
 */
export async function segmentTexts(
  source: SegmentSource,
  options: SegmentTextsOptions = {},
): Promise<{ texts: SegmentedText[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const lexicon = loadLexicon(options, diagnostics);
  const segmenter = createSegmenter({ backend: options.segmenter ?? 'node-rs', userWords: lexicon.userWords, hmm: options.hmm });
  const terms = (text: string): string[] => {
    const tokens = segmenter.cut(text);
    return options.raw ? tokens : filterTokens(tokens, lexicon);
  };
  if ('lines' in source) {
    const texts = source.lines.flatMap((line, i) => (line.trim() === '' ? [] : [{ id: String(i + 1), terms: terms(line) }]));
    return { texts, diagnostics };
  }
  const corpus = await readCorpus([source.file], { map: source.map, sheet: source.sheet });
  for (const d of corpus.diagnostics) diagnostics.push(d); // one per row at most: too many for push(...)
  return { texts: corpus.records.map((r) => ({ id: r.id, terms: terms(recordText(r)) })), diagnostics };
}
