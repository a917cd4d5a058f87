import { Command } from 'commander';
import type { Lang } from '../index.ts';
import { formatDiagnostic, say, segmentTexts } from '../index.ts';
import type { CliIo } from './cli-io.ts';
import { speaker } from './cli-io.ts';
import { addInputOptions, inputSettings } from './shared-options.ts';

/** `hotwords segment <input|->`: print each record's tokens, `id<TAB>token token …`. */
export function makeSegmentCommand(io: CliIo, lang: Lang): Command {
  const t = speaker(lang);
  const cmd = new Command('segment')
    .description(t(say('help/segment')))
    .argument('<input>', t(say('help/segment-input')))
    .option('--raw', t(say('help/raw')));
  addInputOptions(cmd, t).action(async (input: string, opts: Record<string, unknown>) => {
    const s = inputSettings(opts);
    const source = input === '-' ? { lines: (await io.readStdin()).split(/\r\n|\n|\r/) } : { file: input, map: s.map, sheet: s.sheet };
    const { texts, diagnostics } = await segmentTexts(source, { ...s, raw: opts.raw === true });
    for (const t of texts) io.stdout(`${t.id}\t${t.terms.join(' ')}\n`);
    for (const d of diagnostics) io.stderr(`${formatDiagnostic(d, lang)}\n`);
  });
  return cmd;
}
