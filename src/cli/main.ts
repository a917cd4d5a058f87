import { Command, CommanderError } from 'commander';
import type { Lang } from '../index.ts';
import { environmentFailure, formatDiagnostic, inputBytes, packageVersions, say } from '../index.ts';
import type { CliIo } from './cli-io.ts';
import { speaker, UsageError } from './cli-io.ts';
import { makeDictGapsCommand } from './dict-gaps-command.ts';
import { localiseCommand } from './localise-commander.ts';
import { makeCloudCommand, makeReportCommand } from './rebuild-commands.ts';
import { makeRunCommand } from './run-command.ts';
import { makeSegmentCommand } from './segment-command.ts';

/**
 * Run the CLI on `argv` (without node and script) and return the exit code:
 * 0 done (rejected rows included), 1 fatal error, 2 bad usage. A problem of
 * the input or the machine (a full disk, a read-only folder) is one line
 * naming the file; `--debug`, anywhere in `argv`, adds the stack. Everything
 * is said in Chinese unless `--lang en` (anywhere in `argv`) or an English
 * locale in the environment (`LC_ALL`, `LC_MESSAGES`, `LANG` = `en…`) asks for English.
 */
export async function main(args: readonly string[], io: CliIo): Promise<number> {
  const debug = args.includes('--debug');
  const chosen = chooseLang(
    args.filter((a) => a !== '--debug'),
    io.env ?? {},
  );
  if (chosen instanceof UsageError) {
    io.stderr(`hotwords: ${chosen.said.reasonZh}\n`);
    return 2;
  }
  const { lang, argv } = chosen;
  const t = speaker(lang);
  const program = localiseCommand(
    new Command('hotwords')
      .description(t(say('help/program')))
      .version(packageVersions().tool, '-V, --version', t(say('help/version')))
      .option('--lang <lang>', t(say('help/lang')))
      .option('--debug', t(say('help/debug')))
      .helpCommand('help [command]', t(say('help/help'))),
    lang,
    io,
  );
  for (const make of [makeRunCommand, makeSegmentCommand, makeDictGapsCommand, makeCloudCommand, makeReportCommand]) {
    program.addCommand(localiseCommand(make(io, lang), lang, io));
  }
  // the heap's growth, once the command and its input are known (heap-growth.ts)
  program.hook('preAction', (_program, command) => io.limitHeapGrowth?.(command.name() === 'run' ? inputBytes(command.args) : Infinity));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`hotwords: ${t(e.said)}\n`);
      return 2;
    }
    const fatal = environmentFailure(e);
    if (fatal !== null) {
      io.stderr(`${formatDiagnostic(fatal.diagnostic, lang)}\n`);
      if (debug) io.stderr(`${(e as Error).stack ?? ''}\n`);
      return 1;
    }
    io.stderr(`${t(say('cli/internal-error', { detail: (e as Error).stack ?? String(e) }))}\n`);
    return 1;
  }
}

/**
 * The language of this invocation and the arguments without `--lang`: `--lang zh|en` (or
 * `--lang=en`) wins, then the locale of the environment (English for `en…`), else Chinese.
 */
export function chooseLang(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { lang: Lang; argv: string[] } | UsageError {
  const argv: string[] = [];
  let given: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--lang') given = args[++i] ?? '';
    else if (a.startsWith('--lang=')) given = a.slice('--lang='.length);
    else argv.push(a);
  }
  if (given !== undefined) {
    if (given !== 'zh' && given !== 'en') return new UsageError(say('cli/unknown-lang', { value: given }));
    return { lang: given, argv };
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return { lang: /^en/i.test(locale) ? 'en' : 'zh', argv };
}
