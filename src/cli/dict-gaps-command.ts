import { Command } from 'commander';
import type { Lang } from '../index.ts';
import { dictionaryGaps, formatDiagnostic, say, userDictReview } from '../index.ts';
import type { CliIo } from './cli-io.ts';
import { speaker } from './cli-io.ts';
import { addInputOptions, inputSettings } from './shared-options.ts';

/**
 * `hotwords dict-gaps <input...>`: words the dictionaries lack, as
 * ready-to-review jieba user-dictionary lines (each after a comment with its
 * evidence), then the dictionary words the segmenter still splits.
 */
export function makeDictGapsCommand(io: CliIo, lang: Lang): Command {
  const t = speaker(lang);
  const cmd = new Command('dict-gaps')
    .description(t(say('help/dict-gaps')))
    .argument('<input...>', t(say('help/dict-gaps-input')))
    .option('--top <n>', t(say('help/top')), '50');
  addInputOptions(cmd, t).action(async (inputs: string[], opts: Record<string, unknown>) => {
    const s = inputSettings(opts);
    const top = Number(opts.top);
    const { candidates, splits, suggestions, diagnostics } = await dictionaryGaps(inputs, {
      ...s,
      top: Number.isFinite(top) && top > 0 ? top : 50,
    });
    io.stdout(`${t(say('cli/gaps-head', { n: candidates.length, suggestions }))}\n`);
    io.stdout(userDictReview(candidates, lang));
    io.stdout(`\n${t(say('cli/gaps-splits', { n: splits.length }))}\n`);
    for (const s of splits) {
      const args = { term: s.term, split: s.split, occurrences: s.occurrences, pieces: s.pieces, example: s.example, id: s.exampleId };
      io.stdout(`${t(say('cli/gaps-split', args))}\n`);
    }
    for (const d of diagnostics) io.stderr(`${formatDiagnostic(d, lang)}\n`);
  });
  return cmd;
}
