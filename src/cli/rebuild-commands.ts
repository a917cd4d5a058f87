import { Command } from 'commander';
import { DEFAULT_SEED, rebuild } from '../index.ts';
import type { CliIo } from './cli-io.ts';

/** `hotwords cloud --out <dir>`: draw the word clouds again from the database. */
export function makeCloudCommand(io: CliIo): Command {
  return new Command('cloud')
    .description('draw the word clouds (SVG and PNG) again from the database in --out')
    .option('--out <dir>', 'output folder of an earlier run', 'out')
    .option('--seed <text>', 'layout seed', DEFAULT_SEED)
    .option('--no-png', 'SVG only')
    .action(async (opts: { out: string; seed: string; png: boolean }) => {
      const r = await rebuild({ out: opts.out, what: 'clouds', seed: opts.seed, noPng: !opts.png });
      for (const c of r.clouds.filter((x) => x.unplaced.length > 0))
        io.stderr(`${c.svg}  warning  did not fit: ${c.unplaced.join('、')}\n`);
      io.stderr(`hotwords: ${r.clouds.length} word clouds → ${opts.out}/clouds\n`);
    });
}

/** `hotwords report --out <dir>`: write the JSON export and the distribution-analysis page again. */
export function makeReportCommand(io: CliIo): Command {
  return new Command('report')
    .description('write the JSON export and the distribution-analysis page (report/index.html) again from the database in --out')
    .option('--out <dir>', 'output folder of an earlier run', 'out')
    .action(async (opts: { out: string }) => {
      const r = await rebuild({ out: opts.out, what: 'report' });
      io.stderr(`hotwords: report → ${r.report}\n`);
    });
}
