import { Command } from 'commander';
import type { Lang, MessageId, RunStage } from '../index.ts';
import { DEFAULT_SEED, formatDiagnostic, run, say } from '../index.ts';
import type { CliIo, Say } from './cli-io.ts';
import { speaker, UsageError } from './cli-io.ts';
import { addInputOptions, inputSettings } from './shared-options.ts';

const MAX_PRINTED_WARNINGS = 20;

/** `hotwords run <input...> --out <dir>`: the batch job. */
export function makeRunCommand(io: CliIo, lang: Lang): Command {
  const t = speaker(lang);
  const cmd = new Command('run')
    .description(t(say('help/run')))
    .argument('<input...>', t(say('help/run-input')))
    .option('--out <dir>', t(say('help/out')), 'out')
    .option('--fresh', t(say('help/fresh')))
    .option('--strict', t(say('help/strict')))
    .option('--no-dict-gaps', t(say('help/no-dict-gaps')))
    .option('--topics <n>', t(say('help/topics')))
    .option('--no-topics', t(say('help/no-topics')))
    .option('--no-clouds', t(say('help/no-clouds')))
    .option('--curation <file>', t(say('help/curation')))
    .option('--no-curation', t(say('help/no-curation')))
    .option('--seed <text>', t(say('help/seed')), DEFAULT_SEED)
    .option('--workers <n>', t(say('help/workers')));
  addInputOptions(cmd, t).action(async (inputs: string[], opts: Record<string, unknown>) => {
    const s = inputSettings(opts);
    const summary = await run({
      inputs,
      out: opts.out as string,
      map: s.map,
      sheet: s.sheet,
      dicts: s.dicts,
      stopwords: s.stopwords,
      synonyms: s.synonyms,
      segmenter: s.segmenter,
      hmm: s.hmm,
      fresh: opts.fresh === true,
      strict: opts.strict === true,
      seed: opts.seed as string,
      workers: typeof opts.workers === 'string' ? wholeNumber('--workers', opts.workers as string, 1) : undefined,
      topics: typeof opts.topics === 'string' ? wholeNumber('--topics', opts.topics as string, 2) : undefined,
      noTopics: opts.topics === false,
      noDictGaps: opts.dictGaps === false,
      noClouds: opts.clouds === false,
      curation: opts.curation === false ? null : typeof opts.curation === 'string' ? opts.curation : undefined,
      onProgress: progressLine(io, t),
      collectGarbage: io.collectGarbage,
      signal: io.stopSignal?.(),
    });
    if (io.isTTY) io.stderr('\r\x1b[K');
    const warnings = summary.diagnostics.filter((d) => d.fatal !== true);
    for (const d of warnings.slice(0, MAX_PRINTED_WARNINGS)) io.stderr(`${formatDiagnostic(d, lang)}\n`);
    if (warnings.length > MAX_PRINTED_WARNINGS)
      io.stderr(`${t(say('cli/more-warnings', { n: warnings.length - MAX_PRINTED_WARNINGS, file: summary.outputs.rejects }))}\n`);
    const c = summary.counts;
    const d = summary.documents;
    const stored =
      d.kept > 0 || d.replaced > 0 || d.unchanged > 0
        ? say('cli/summary-stored', { total: d.kept + d.added, kept: d.kept, unchanged: d.unchanged, replaced: d.replaced })
        : '';
    const line = say('cli/summary', {
      read: c.read,
      accepted: c.accepted,
      rejected: c.rejected,
      seconds: summary.seconds.toFixed(2),
      database: summary.outputs.database,
      stored,
    });
    io.stderr(`${t(line)}\n`);
  });
  return cmd;
}

/**
 * Progress of every stage: on a terminal one line rewritten in place (`分词（建议） 1200/2240`); elsewhere
 * (a log, CI) one line as each stage ends (`hotwords: 进度 分词（建议） 2240/2240`).
 */
function progressLine(io: CliIo, t: Say): (p: { stage: RunStage; done: number; total: number }) => void {
  return (p) => {
    const text = `${t(say(`cli/stage-${p.stage}` satisfies MessageId))} ${p.done}/${p.total}`;
    if (io.isTTY) io.stderr(`\r\x1b[K${text}`);
    else if (p.done === p.total) io.stderr(`${t(say('cli/progress', { text }))}\n`);
  };
}

/** A flag's value as a whole number of at least `min`, or a usage error naming the flag. */
function wholeNumber(flag: string, s: string, min: number): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < min) throw new UsageError(say('cli/whole-number', { flag, min, value: s }));
  return n;
}
