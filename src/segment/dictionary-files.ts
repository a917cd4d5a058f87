import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics.ts';
import { FatalError } from '../diagnostics.ts';
import type { Reason } from '../messages.ts';
import { say } from '../messages.ts';

/** A user-dictionary entry in jieba's `word freq pos` form. */
export interface UserWord {
  word: string;
  freq: number;
  tag: string;
}

/** A dictionary file that was read, for provenance. */
export interface DictionaryFile {
  kind: 'user-dict' | 'stopwords' | 'synonyms' | 'keep-single' | 'curation';
  path: string;
  sha256: string;
  entries: number;
}

/** Frequency given to user words that name none: high enough that jieba keeps them whole. */
export const DEFAULT_USER_FREQ = 2000;

interface Lines {
  lines: { text: string; line: number }[];
  file: DictionaryFile;
}

/** A bad line's reason, with the line skipped. */
function skipped(reason: Reason): Reason {
  return say('dictionary/line-skipped', { reason });
}

/**
 * Read a dictionary file: UTF-8, one entry a line, `#` starts a comment line,
 * blank lines skipped. A missing or unreadable file is fatal (a missing path
 * would otherwise abort nodejieba's process).
 */
function readLines(path: string, kind: DictionaryFile['kind']): Lines {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new FatalError({
      file: path,
      line: 0,
      source: 'config',
      ruleId: 'dictionary/missing-file',
      ...say('dictionary/cannot-read', {
        kind: say(`dictionary/kind-${kind}`),
        cause: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
      }),
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new FatalError({
      file: path,
      line: 0,
      source: 'config',
      ruleId: 'dictionary/encoding',
      ...say('dictionary/not-utf8', { kind: say(`dictionary/kind-${kind}`) }),
    });
  }
  const lines: { text: string; line: number }[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const t = raw.trim();
    if (t !== '' && !t.startsWith('#')) lines.push({ text: t, line: i + 1 });
  });
  return { lines, file: { kind, path, sha256: createHash('sha256').update(bytes).digest('hex'), entries: 0 } };
}

/**
 * A jieba user dictionary: `word`, `word freq`, `word pos` or `word freq pos`.
 * Bad lines become warnings with their line number and are skipped.
 */
export function readUserDictionary(path: string, diagnostics: Diagnostic[]): { words: UserWord[]; file: DictionaryFile } {
  const { lines, file } = readLines(path, 'user-dict');
  const words: UserWord[] = [];
  for (const { text, line } of lines) {
    const parts = text.split(/\s+/);
    const word = parts[0]!;
    let freq = DEFAULT_USER_FREQ;
    let tag = 'n';
    let bad: Reason | null = null;
    if (parts.length > 3) bad = say('dictionary/too-many-fields', { n: parts.length });
    else if (parts.length === 3) {
      if (!/^\d+$/.test(parts[1]!)) bad = say('dictionary/bad-frequency', { value: parts[1]! });
      else freq = Number(parts[1]);
      tag = parts[2]!;
    } else if (parts.length === 2) {
      if (/^\d+$/.test(parts[1]!)) freq = Number(parts[1]);
      else tag = parts[1]!;
    }
    if (bad === null && !/^[a-zA-Z]+$/.test(tag)) bad = say('dictionary/bad-tag', { value: tag });
    if (bad === null && freq <= 0) bad = say('dictionary/frequency-not-positive');
    if (bad !== null) {
      diagnostics.push({ file: path, line, ...skipped(bad), ruleId: 'dictionary/bad-line', source: 'config', fatal: false });
      continue;
    }
    words.push({ word, freq, tag });
  }
  file.entries = words.length;
  return { words, file };
}

/** A word list: one word a line (stop words, single characters to keep). */
export function readWordList(
  path: string,
  kind: 'stopwords' | 'keep-single',
  diagnostics: Diagnostic[],
): { words: string[]; file: DictionaryFile } {
  const { lines, file } = readLines(path, kind);
  const words: string[] = [];
  for (const { text, line } of lines) {
    if (/\s/.test(text)) {
      diagnostics.push({
        file: path,
        line,
        ...skipped(say('dictionary/one-word', { text: text.slice(0, 40) })),
        ruleId: 'dictionary/bad-line',
        source: 'config',
        fatal: false,
      });
      continue;
    }
    words.push(text.normalize('NFC'));
  }
  file.entries = words.length;
  return { words, file };
}

/** A line `alias [alias …] => canonical` (aliases apart by spaces or commas), NFC; null for any other line. */
function synonymRule(text: string): { aliases: string[]; canonical: string } | null {
  const m = /^(.+?)\s*=>\s*(\S+)$/.exec(text);
  if (!m) return null;
  return {
    aliases: m[1]!
      .split(/[\s,，]+/)
      .filter(Boolean)
      .map((a) => a.normalize('NFC')),
    canonical: m[2]!.normalize('NFC'),
  };
}

/** Synonyms: `alias1 alias2 => canonical`, each alias folded onto the canonical form. */
export function readSynonyms(path: string, diagnostics: Diagnostic[]): { pairs: [string, string][]; file: DictionaryFile } {
  const { lines, file } = readLines(path, 'synonyms');
  const pairs: [string, string][] = [];
  for (const { text, line } of lines) {
    const rule = synonymRule(text);
    if (rule === null) {
      diagnostics.push({
        file: path,
        line,
        ...skipped(say('dictionary/synonym-line')),
        ruleId: 'dictionary/bad-line',
        source: 'config',
        fatal: false,
      });
      continue;
    }
    for (const alias of rule.aliases) pairs.push([alias, rule.canonical]);
  }
  file.entries = pairs.length;
  return { pairs, file };
}

/** What an analyst's curation file asks: words never to list, and words to count as another. */
export interface Curation {
  drop: Set<string>;
  /** alias → the word it is counted as. */
  merge: Map<string, string>;
  file: DictionaryFile;
}

/**
 * A curation file (`<out>/curation.txt`, saved from the report): one word a
 * line is dropped from every list; `alias [alias …] => word` counts the
 * aliases as the word (the stop-word and synonym syntax in one file). It acts
 * on the lists, not on the stored counts, so a re-run needs no new
 * segmentation.
 */
export function readCuration(path: string, diagnostics: Diagnostic[]): Curation {
  const { lines, file } = readLines(path, 'curation');
  const drop = new Set<string>();
  const merge = new Map<string, string>();
  for (const { text, line } of lines) {
    const rule = synonymRule(text);
    if (rule !== null) {
      for (const alias of rule.aliases) if (alias !== rule.canonical) merge.set(alias, rule.canonical);
    } else if (/^\S+$/.test(text)) drop.add(text.normalize('NFC'));
    else
      diagnostics.push({
        file: path,
        line,
        ...skipped(say('dictionary/curation-line')),
        ruleId: 'dictionary/bad-line',
        source: 'config',
        fatal: false,
      });
  }
  file.entries = drop.size + merge.size;
  return { drop, merge, file };
}
