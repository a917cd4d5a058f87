import { Command, CommanderError } from 'commander';
import { environmentFailure, formatDiagnostic, packageVersions } from '../index.ts';
import type { CliIo } from './cli-io.ts';
import { UsageError } from './cli-io.ts';
import { makeDictGapsCommand } from './dict-gaps-command.ts';
import { makeCloudCommand, makeReportCommand } from './rebuild-commands.ts';
import { makeRunCommand } from './run-command.ts';
import { makeSegmentCommand } from './segment-command.ts';

/**
 * Run the CLI on `argv` (without node and script) and return the exit code:
 * 0 done (rejected rows included), 1 fatal error, 2 bad usage. A problem of
 * the input or the machine (a full disk, a read-only folder) is one line
 * naming the file; `--debug`, anywhere in `argv`, adds the stack.
 */
export async function main(args: readonly string[], io: CliIo): Promise<number> {
  const debug = args.includes('--debug');
  const argv = args.filter((a) => a !== '--debug');
  const program = new Command('hotwords')
    .description('hot words (热议词) and topics in Chinese civic suggestions')
    .version(packageVersions().tool, '-V, --version', 'print the version of hotwords')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const cmd of [makeRunCommand(io), makeSegmentCommand(io), makeDictGapsCommand(io), makeCloudCommand(io), makeReportCommand(io)]) {
    cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    program.addCommand(cmd);
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`hotwords: ${e.message}\n`);
      return 2;
    }
    const fatal = environmentFailure(e);
    if (fatal !== null) {
      io.stderr(`${formatDiagnostic(fatal.diagnostic)}\n`);
      if (debug) io.stderr(`${(e as Error).stack ?? ''}\n`);
      return 1;
    }
    io.stderr(`hotwords: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
