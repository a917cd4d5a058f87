import type { Diagnostic } from '../diagnostics.ts';
import { FatalError } from '../diagnostics.ts';
import type { Reason } from '../messages.ts';
import { say } from '../messages.ts';
import { readFileSync } from 'node:fs';
import { BUNDLED_DICTIONARIES } from './lexicon.ts';
import { readUserDictionary } from './dictionary-files.ts';

/** The frame around a theme in a title (dictionaries/title-frames.txt). */
export interface TitleFrames {
  /** Longest first. */
  prefixes: string[];
  suffixes: string[];
  /** Words that end a theme phrase and are never part of one. */
  frame: ReadonlySet<string>;
  /** Heads trimmed from a phrase's ends. */
  generic: ReadonlySet<string>;
  /** Whom a theme is for (老年 学生 残疾人): part of a theme, never the word a family of themes shares. */
  people: ReadonlySet<string>;
}

export const TITLE_FRAMES = `${BUNDLED_DICTIONARIES}title-frames.txt`;

const SECTIONS = ['prefix', 'suffix', 'frame', 'generic', 'people'] as const;

/** Read a title-frames file; an entry outside a section or an unknown section is a warning with its line. */
export function loadTitleFrames(path = TITLE_FRAMES, diagnostics: Diagnostic[] = []): TitleFrames {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new FatalError({
      file: path,
      line: 0,
      source: 'config',
      ruleId: 'dictionary/missing-file',
      ...say('dictionary/cannot-read', {
        kind: say('dictionary/kind-title-frames'),
        cause: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
      }),
    });
  }
  const lists: Record<(typeof SECTIONS)[number], string[]> = { prefix: [], suffix: [], frame: [], generic: [], people: [] };
  let section: (typeof SECTIONS)[number] | null = null;
  const badLine = (line: number, reason: Reason): void => {
    diagnostics.push({ file: path, line, source: 'config', ruleId: 'dictionary/bad-line', fatal: false, ...reason });
  };
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) return;
    const head = /^\[(.+)\]$/.exec(t);
    if (head) {
      section = (SECTIONS as readonly string[]).includes(head[1]!) ? (head[1] as (typeof SECTIONS)[number]) : null;
      if (section === null) badLine(i + 1, say('dictionary/unknown-section', { name: t }));
      return;
    }
    if (section === null) {
      badLine(i + 1, say('dictionary/outside-section', { text: t }));
      return;
    }
    lists[section].push(t);
  });
  const longestFirst = (xs: string[]): string[] => [...new Set(xs)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return {
    prefixes: longestFirst(lists.prefix),
    suffixes: longestFirst(lists.suffix),
    frame: new Set(lists.frame),
    generic: new Set(lists.generic),
    people: new Set(lists.people),
  };
}

export const TAG_FIXES = `${BUNDLED_DICTIONARIES}tag-fixes.txt`;

/** Tags the word gate and the theme phrases use instead of jieba's (dictionaries/tag-fixes.txt: `word pos` lines). */
export function loadTagFixes(path = TAG_FIXES, diagnostics: Diagnostic[] = []): Map<string, string> {
  return new Map(readUserDictionary(path, diagnostics).words.map((w) => [w.word, w.tag]));
}
