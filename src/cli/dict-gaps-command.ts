import { Command } from 'commander';
import { dictionaryGaps, formatDiagnostic, userDictReview } from '../index.ts';
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
    .argument('<input...>', 'CSV, JSONL or workbook files of suggestions')
    .option('--top <n>', 'candidates to print', '50');
  addInputOptions(cmd).action(async (inputs: string[], opts: Record<string, unknown>) => {
    const s = inputSettings(opts);
    const top = Number(opts.top);
    const { candidates, splits, suggestions, diagnostics } = await dictionaryGaps(inputs, {
      ...s,
      top: Number.isFinite(top) && top > 0 ? top : 50,
    });
    io.stdout(
      `# hotwords dict-gaps: ${candidates.length} candidates from ${suggestions} suggestions; ` +
        'review, then add the lines you keep to a file passed with --dict\n',
    );
    io.stdout(userDictReview(candidates));
    io.stdout(`\n# dictionary words the segmenter still splits (${splits.length}): raise their frequency\n`);
    for (const t of splits)
      io.stdout(`# ${t.term}: ${t.split} of ${t.occurrences} occurrences cut as ${t.pieces} — ${t.example} (${t.exampleId})\n`);
    for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
  });
  return cmd;
}
