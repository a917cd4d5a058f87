import { Command } from 'commander';
import type { Lang } from '../index.ts';
import { DEFAULT_SEED, rebuild, say } from '../index.ts';
import type { CliIo } from './cli-io.ts';
import { speaker } from './cli-io.ts';

/** `hotwords cloud --out <dir>`: draw the word clouds again from the database. */
export function makeCloudCommand(io: CliIo, lang: Lang): Command {
  const t = speaker(lang);
  return new Command('cloud')
    .description(t(say('help/cloud')))
    .option('--out <dir>', t(say('help/out-earlier')), 'out')
    .option('--seed <text>', t(say('help/cloud-seed')), DEFAULT_SEED)
    .option('--no-png', t(say('help/no-png')))
    .action(async (opts: { out: string; seed: string; png: boolean }) => {
      const r = await rebuild({ out: opts.out, what: 'clouds', seed: opts.seed, noPng: !opts.png });
      for (const c of r.clouds.filter((x) => x.unplaced.length > 0))
        io.stderr(`${t(say('cli/cloud-unplaced', { file: c.svg, words: c.unplaced.join('、') }))}\n`);
      io.stderr(`${t(say('cli/clouds-done', { n: r.clouds.length, folder: `${opts.out}/clouds` }))}\n`);
    });
}

/** `hotwords report --out <dir>`: write the JSON export and the distribution-analysis page again. */
export function makeReportCommand(io: CliIo, lang: Lang): Command {
  const t = speaker(lang);
  return new Command('report')
    .description(t(say('help/report')))
    .option('--out <dir>', t(say('help/out-earlier')), 'out')
    .action(async (opts: { out: string }) => {
      const r = await rebuild({ out: opts.out, what: 'report' });
      io.stderr(`${t(say('cli/report-done', { file: r.report ?? '' }))}\n`);
    });
}
