import { Command } from 'commander';
import { readCorpus } from '../corpus/read-corpus.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { createSegmenter } from '../segment/create-segmenter.ts';
import { recordText } from '../segment/document-terms.ts';
import { loadLexicon } from '../segment/lexicon.ts';
import { filterTokens } from '../segment/token-filter.ts';
import type { CliIo } from './cli-io.ts';
import { addInputOptions, inputSettings } from './shared-options.ts';

/** `hotwords segment <input|->`: print each record's tokens, `id<TAB>token token …`. */
export function makeSegmentCommand(io: CliIo): Command {
  const cmd = new Command('segment')
    .description('print the terms of each record (or of each line of standard input with "-") for inspection')
    .argument('<input>', 'a CSV, JSONL or XLSX file, or - for plain text lines on standard input')
    .option('--raw', "print jieba's tokens before stop words, synonyms and filters");
  addInputOptions(cmd).action(async (input: string, opts: Record<string, unknown>) => {
    const s = inputSettings(opts);
    const diagnostics: Diagnostic[] = [];
    const lexicon = loadLexicon(s, diagnostics);
    const segmenter = createSegmenter({ backend: s.segmenter, userWords: lexicon.userWords, hmm: s.hmm });
    const terms = (text: string): string[] => {
      const tokens = segmenter.cut(text);
      return opts.raw ? tokens : filterTokens(tokens, lexicon);
    };
    if (input === '-') {
      const lines = (await io.readStdin()).split(/\r\n|\n|\r/);
      lines.forEach((line, i) => {
        if (line.trim() !== '') io.stdout(`${i + 1}\t${terms(line).join(' ')}\n`);
      });
    } else {
      const corpus = await readCorpus([input], { map: s.map, sheet: s.sheet });
      diagnostics.push(...corpus.diagnostics);
      for (const r of corpus.records) io.stdout(`${r.id}\t${terms(recordText(r)).join(' ')}\n`);
    }
    for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
  });
  return cmd;
}
