import type { Command, Option } from 'commander';
import { Help } from 'commander';
import type { Lang, MessageId } from '../index.ts';
import { say } from '../index.ts';
import type { CliIo } from './cli-io.ts';
import { speaker } from './cli-io.ts';

const TITLES: Record<string, MessageId> = {
  'Usage:': 'help/title-usage',
  'Arguments:': 'help/title-arguments',
  'Options:': 'help/title-options',
  'Commands:': 'help/title-commands',
};

/**
 * Commander's own words in `lang`: the help's headings, defaults and choices,
 * the help option and command, and its usage errors. In English they are
 * commander's as they are.
 */
export function localiseCommand(cmd: Command, lang: Lang, io: CliIo): Command {
  const t = speaker(lang);
  cmd
    .helpOption('-h, --help', t(say('help/help')))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (str, write) => write(commanderError(str, lang)) });
  if (lang === 'en') return cmd;
  return cmd.configureHelp({
    commandUsage(this: Help, c: Command): string {
      return Help.prototype.commandUsage.call(this, c).replace('[options]', '[选项]').replace('[command]', '[命令]');
    },
    subcommandTerm(this: Help, c: Command): string {
      return Help.prototype.subcommandTerm.call(this, c).replace('[options]', '[选项]').replace('[command]', '[命令]');
    },
    styleTitle: (title: string) => (TITLES[title] === undefined ? title : t(say(TITLES[title]))),
    optionDescription: (option: Option) => {
      const extra: string[] = [];
      if (option.argChoices) extra.push(t(say('help/choices', { values: option.argChoices.join(', ') })));
      if (option.defaultValue !== undefined && (option.required || option.optional)) {
        extra.push(t(say('help/default', { value: JSON.stringify(option.defaultValue) })));
      }
      return extra.length === 0 ? option.description : t(say('help/extra', { description: option.description, extra: extra.join('；') }));
    },
  });
}

/** The patterns of commander's usage errors (commander 14), each with the message that says it in Chinese. */
const ERRORS: { pattern: RegExp; say: (m: RegExpExecArray) => ReturnType<typeof say> }[] = [
  {
    pattern: /^error: unknown option '([^']*)'(?:\n\(Did you mean (?:one of )?(.+)\?\))?/,
    say: (m) => say('cli/error-unknown-option', { flag: m[1]!, hint: m[2] ? say('cli/error-did-you-mean', { what: m[2] }) : '' }),
  },
  {
    pattern: /^error: unknown command '([^']*)'(?:\n\(Did you mean (?:one of )?(.+)\?\))?/,
    say: (m) => say('cli/error-unknown-command', { name: m[1]!, hint: m[2] ? say('cli/error-did-you-mean', { what: m[2] }) : '' }),
  },
  { pattern: /^error: missing required argument '([^']*)'/, say: (m) => say('cli/error-missing-argument', { name: m[1]! }) },
  { pattern: /^error: option '([^']*)' argument missing/, say: (m) => say('cli/error-option-missing-value', { flags: m[1]! }) },
  {
    pattern: /^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.+)\./,
    say: (m) => say('cli/error-invalid-choice', { flags: m[1]!, value: m[2]!, choices: m[3]! }),
  },
  {
    pattern: /^error: too many arguments(?: for '[^']*')?\. Expected (\d+) arguments? but got (\d+)\./,
    say: (m) => say('cli/error-too-many-arguments', { expected: m[1]!, got: m[2]! }),
  },
];

/** A commander error message in `lang`; one it does not know stays as commander wrote it. */
export function commanderError(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  for (const e of ERRORS) {
    const m = e.pattern.exec(message);
    if (m) return `${speaker(lang)(e.say(m))}\n${speaker(lang)(say('cli/error-see-help'))}\n`;
  }
  return message;
}
