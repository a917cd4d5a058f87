import { Command, CommanderError } from 'commander';
import { FatalError, formatDiagnostic, packageVersions } from '../index.ts';
import type { CliIo } from './cli-io.ts';
import { UsageError } from './cli-io.ts';
import { makeDictGapsCommand } from './dict-gaps-command.ts';
import { makeCloudCommand, makeReportCommand } from './rebuild-commands.ts';
import { makeRunCommand } from './run-command.ts';
import { makeSegmentCommand } from './segment-command.ts';

/**
 * Run the CLI on `argv` (without node and script) and return the exit code:
 * 0 done (rejected rows included), 1 fatal error, 2 bad usage.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
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
    if (e instanceof FatalError) {
      io.stderr(`${formatDiagnostic(e.diagnostic)}\n`);
      return 1;
    }
    io.stderr(`hotwords: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
