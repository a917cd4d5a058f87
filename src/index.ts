/** hotwords: the library API. The CLI is a thin shell over these. */
export { run } from './run.ts';
export { rebuild } from './rebuild.ts';
export type { RebuildOptions } from './rebuild.ts';
export type { RunOptions, RunSummary } from './run.ts';
export type { Diagnostic } from './diagnostics.ts';
export { FatalError, formatDiagnostic } from './diagnostics.ts';
export { readCorpus } from './corpus/read-corpus.ts';
export type { CorpusResult, ReadOptions, SourceFileSummary } from './corpus/read-corpus.ts';
export { parseFieldMap } from './corpus/field-map.ts';
export type { FieldMap } from './corpus/field-map.ts';
export type { SuggestionRecord, Reject } from './corpus/record.ts';
export { loadLexicon } from './segment/lexicon.ts';
export type { Lexicon, LexiconOptions } from './segment/lexicon.ts';
export { createSegmenter } from './segment/create-segmenter.ts';
export { SEGMENTER_BACKENDS } from './segment/segmenter.ts';
export type { Segmenter, SegmenterBackend } from './segment/segmenter.ts';
export { classifyToken, filterTokens } from './segment/token-filter.ts';
export { documentTerms, recordText } from './segment/document-terms.ts';
