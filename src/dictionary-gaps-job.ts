import type { FieldMap } from './corpus/field-map.ts';
import { readCorpus } from './corpus/read-corpus.ts';
import type { Diagnostic } from './diagnostics.ts';
import { FatalError } from './diagnostics.ts';
import type { DictionaryCandidate } from './score/dictionary-gaps.ts';
import { findDictionaryGaps } from './score/dictionary-gaps.ts';
import { createSegmenter } from './segment/create-segmenter.ts';
import { recordText } from './segment/document-terms.ts';
import { gapExclusion } from './segment/gap-filter.ts';
import type { LexiconOptions } from './segment/lexicon.ts';
import { loadLexicon } from './segment/lexicon.ts';
import type { SegmenterBackend } from './segment/segmenter.ts';
import type { SplitTerm } from './segment/split-terms.ts';
import { findSplitTerms } from './segment/split-terms.ts';

export interface DictionaryGapsOptions extends LexiconOptions {
  map?: FieldMap;
  sheet?: string | readonly string[];
  segmenter?: SegmenterBackend;
  hmm?: boolean;
  /** Candidates returned (default 50). */
  top?: number;
}

/**
 * `hotwords dict-gaps`: words the dictionaries lack (candidates for a user
 * dictionary, with their evidence) and dictionary words the segmenter still
 * splits, over the suggestions of `inputs`. An input that cannot be read
 * throws FatalError.
 */
export async function dictionaryGaps(
  inputs: readonly string[],
  options: DictionaryGapsOptions = {},
): Promise<{ candidates: DictionaryCandidate[]; splits: SplitTerm[]; suggestions: number; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const lexicon = loadLexicon(options, diagnostics);
  const segmenter = createSegmenter({ backend: options.segmenter ?? 'node-rs', userWords: lexicon.userWords, hmm: options.hmm });
  const corpus = await readCorpus(inputs, { map: options.map, sheet: options.sheet });
  for (const d of corpus.diagnostics) diagnostics.push(d); // one per row at most: too many for push(...)
  const fatal = corpus.diagnostics.find((d) => d.fatal);
  if (fatal) throw new FatalError(fatal);
  const texts = corpus.records.map((r) => ({ id: r.id, text: recordText(r) }));
  const candidates = findDictionaryGaps(texts, gapExclusion(lexicon, segmenter), { limit: options.top ?? 50 });
  return { candidates, splits: findSplitTerms(texts, segmenter, lexicon), suggestions: corpus.counts.accepted, diagnostics };
}
