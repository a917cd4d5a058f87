import { Command } from 'commander';
import { readCorpus } from '../corpus/read-corpus.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { FatalError, formatDiagnostic } from '../diagnostics.ts';
import { userDictReview } from '../export/user-dict-line.ts';
import { findDictionaryGaps } from '../score/dictionary-gaps.ts';
import { createSegmenter } from '../segment/create-segmenter.ts';
import { recordText } from '../segment/document-terms.ts';
import { gapExclusion } from '../segment/gap-filter.ts';
import { loadLexicon } from '../segment/lexicon.ts';
import { findSplitTerms } from '../segment/split-terms.ts';
import type { CliIo } from './cli-io.ts';
import { addInputOptions, inputSettings } from './shared-options.ts';

/**
 * `hotwords dict-gaps <input...>`: words the dictionaries lack, as
 * ready-to-review jieba user-dictionary lines (each after a comment with its
 * evidence), then the dictionary words the segmenter still splits.
 */
export function makeDictGapsCommand(io: CliIo): Command {
  const cmd = new Command('dict-gaps')
    .description('list new-word candidates the dictionaries lack (jieba user-dict lines) and dictionary words still split')
    .argument('<input...>', 'CSV, JSONL or XLSX files of suggestions')
    .option('--top <n>', 'candidates to print', '50');
  addInputOptions(cmd).action(async (inputs: string[], opts: Record<string, unknown>) => {
    const s = inputSettings(opts);
    const diagnostics: Diagnostic[] = [];
    const lexicon = loadLexicon(s, diagnostics);
    const segmenter = createSegmenter({ backend: s.segmenter, userWords: lexicon.userWords, hmm: s.hmm });
    const corpus = await readCorpus(inputs, { map: s.map, sheet: s.sheet });
    diagnostics.push(...corpus.diagnostics);
    const fatal = corpus.diagnostics.find((d) => d.fatal);
    if (fatal) throw new FatalError(fatal);
    const texts = corpus.records.map((r) => ({ id: r.id, text: recordText(r) }));
    const top = Number(opts.top);
    const candidates = findDictionaryGaps(texts, gapExclusion(lexicon, segmenter), { limit: Number.isFinite(top) && top > 0 ? top : 50 });
    io.stdout(`# hotwords dict-gaps: ${candidates.length} candidates from ${corpus.counts.accepted} suggestions; review, then add the lines you keep to a file passed with --dict\n`);
    io.stdout(userDictReview(candidates));
    const splits = findSplitTerms(texts, segmenter, lexicon);
    io.stdout(`\n# dictionary words the segmenter still splits (${splits.length}): raise their frequency\n`);
    for (const t of splits) io.stdout(`# ${t.term}: ${t.split} of ${t.occurrences} occurrences cut as ${t.pieces} — ${t.example} (${t.exampleId})\n`);
    for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
  });
  return cmd;
}
