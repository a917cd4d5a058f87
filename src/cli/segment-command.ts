import { Command } from 'commander';
import { formatDiagnostic, segmentTexts } from '../index.ts';
import type { CliIo } from './cli-io.ts';
import { addInputOptions, inputSettings } from './shared-options.ts';

/** `hotwords segment <input|->`: print each record's tokens, `id<TAB>token token …`. */
export function makeSegmentCommand(io: CliIo): Command {
  const cmd = new Command('segment')
    .description('print the terms of each record (or of each line of standard input with "-") for inspection')
    .argument('<input>', 'a CSV, JSONL or workbook file, or - for plain text lines on standard input')
    .option('--raw', "print jieba's tokens before stop words, synonyms and filters");
  addInputOptions(cmd).action(async (input: string, opts: Record<string, unknown>) => {
    const s = inputSettings(opts);
    const source = input === '-' ? { lines: (await io.readStdin()).split(/\r\n|\n|\r/) } : { file: input, map: s.map, sheet: s.sheet };
    const { texts, diagnostics } = await segmentTexts(source, { ...s, raw: opts.raw === true });
    for (const t of texts) io.stdout(`${t.id}\t${t.terms.join(' ')}\n`);
    for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
  });
  return cmd;
}
