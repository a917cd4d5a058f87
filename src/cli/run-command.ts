import { Command } from 'commander';
import type { RunStage } from '../index.ts';
import { DEFAULT_SEED, formatDiagnostic, run } from '../index.ts';
import type { CliIo } from './cli-io.ts';
import { UsageError } from './cli-io.ts';
import { addInputOptions, inputSettings } from './shared-options.ts';

const MAX_PRINTED_WARNINGS = 20;

/** `hotwords run <input...> --out <dir>`: the batch job. */
export function makeRunCommand(io: CliIo): Command {
  const cmd = new Command('run')
    .description('read suggestions, segment them, rank hot words per category and year, and write out/')
    .argument('<input...>', 'CSV, JSONL or workbook (.xlsx, .xls, .ods) files of suggestions')
    .option('--out <dir>', 'output folder', 'out')
    .option('--fresh', 'start a new database instead of adding these inputs to the one in --out')
    .option('--strict', 'stop with exit code 1 at the first rejected row (nothing but rejects.jsonl is written)')
    .option('--no-dict-gaps', 'skip the dictionary-gap report')
    .option('--topics <n>', 'number of topics in every scope (default: chosen per scope)')
    .option('--no-topics', 'skip topic clustering')
    .option('--no-clouds', 'skip the word clouds')
    .option(
      '--curation <file>',
      'words to drop or merge in every list (default: <out>/curation.txt when it exists, as the report saves it)',
    )
    .option('--no-curation', 'ignore <out>/curation.txt')
    .option('--seed <text>', 'seed of topic clustering and cloud layouts', DEFAULT_SEED)
    .option(
      '--workers <n>',
      'threads of every stage (default: one per core, from 4 MB of input for segmentation and about 1,000 suggestions for topics; ' +
        'the results do not depend on it)',
    );
  addInputOptions(cmd).action(async (inputs: string[], opts: Record<string, unknown>) => {
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
      onProgress: progressLine(io),
      collectGarbage: io.collectGarbage,
      signal: io.stopSignal?.(),
    });
    if (io.isTTY) io.stderr('\r\x1b[K');
    const warnings = summary.diagnostics.filter((d) => d.fatal !== true);
    for (const d of warnings.slice(0, MAX_PRINTED_WARNINGS)) io.stderr(`${formatDiagnostic(d)}\n`);
    if (warnings.length > MAX_PRINTED_WARNINGS)
      io.stderr(`… and ${warnings.length - MAX_PRINTED_WARNINGS} more; every reject is in ${summary.outputs.rejects}\n`);
    const c = summary.counts;
    const d = summary.documents;
    const stored =
      d.kept > 0 || d.replaced > 0
        ? ` (database: ${d.kept + d.added} suggestions, ${d.kept} kept from earlier runs, ${d.replaced} replaced)`
        : '';
    io.stderr(
      `hotwords: read ${c.read}, accepted ${c.accepted}, rejected ${c.rejected} ` +
        `in ${summary.seconds.toFixed(2)} s → ${summary.outputs.database}${stored}\n`,
    );
  });
  return cmd;
}

/** What each stage is called on the progress line. */
const STAGE_NAMES: Record<RunStage, string> = {
  read: '读取（行）',
  segment: '分词（建议）',
  score: '热议词与主题（范围）',
  store: '写入数据库（新建议）',
  topics: '话题聚类（范围）',
  clouds: '词云（幅）',
  report: '报告',
  briefing: '简报（文件）',
};

/**
 * Progress of every stage: on a terminal one line rewritten in place (`分词（建议） 1200/2240`); elsewhere
 * (a log, CI) one line as each stage ends (`hotwords: 进度 分词（建议） 2240/2240`).
 */
function progressLine(io: CliIo): (p: { stage: RunStage; done: number; total: number }) => void {
  return (p) => {
    const text = `${STAGE_NAMES[p.stage]} ${p.done}/${p.total}`;
    if (io.isTTY) io.stderr(`\r\x1b[K${text}`);
    else if (p.done === p.total) io.stderr(`hotwords: 进度 ${text}\n`);
  };
}

/** A flag's value as a whole number of at least `min`, or a usage error naming the flag. */
function wholeNumber(flag: string, s: string, min: number): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag}: expected a whole number of at least ${min}, got "${s}"`);
  return n;
}
