import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.ts';
import type { DictionaryFile, UserWord } from './dictionary-files.ts';
import { DEFAULT_USER_FREQ, readSynonyms, readUserDictionary, readWordList } from './dictionary-files.ts';

/** Everything the segment stage knows about words, read from dictionary files. */
export interface Lexicon {
  /** User words in load order; later files win for the same word. Synonym aliases are included. */
  userWords: UserWord[];
  /** The user words' spellings, to look a word up in (the gate, the themes, the gap filter). */
  entered: ReadonlySet<string>;
  stopwords: Set<string>;
  /** alias → canonical form. */
  synonyms: Map<string, string>;
  /** Single characters that carry meaning on their own (水, 电, 房 …). */
  keepSingle: Set<string>;
  files: DictionaryFile[];
}

export interface LexiconOptions {
  /** Extra user dictionaries, after the bundled civic dictionary. */
  dicts?: readonly string[];
  stopwords?: readonly string[];
  synonyms?: readonly string[];
  /** Leave out the bundled dictionaries (tests, or a project with its own). */
  noBundled?: boolean;
}

/** The folder of the bundled dictionaries. */
export const BUNDLED_DICTIONARIES = fileURLToPath(new URL('../../dictionaries/', import.meta.url));

export const BUNDLED = {
  civic: `${BUNDLED_DICTIONARIES}civic.dict.txt`,
  stopwords: `${BUNDLED_DICTIONARIES}stopwords.txt`,
  synonyms: `${BUNDLED_DICTIONARIES}synonyms.txt`,
  keepSingle: `${BUNDLED_DICTIONARIES}keep-single.txt`,
} as const;

/**
 * Read the bundled dictionaries and the user's. Throws FatalError for a
 * missing file; bad lines are warnings in `diagnostics`.
 */
export function loadLexicon(options: LexiconOptions, diagnostics: Diagnostic[]): Lexicon {
  const bundled = !options.noBundled;
  const dictPaths = [...(bundled ? [BUNDLED.civic] : []), ...(options.dicts ?? [])];
  const stopPaths = [...(bundled ? [BUNDLED.stopwords] : []), ...(options.stopwords ?? [])];
  const synPaths = [...(bundled ? [BUNDLED.synonyms] : []), ...(options.synonyms ?? [])];
  const files: DictionaryFile[] = [];
  const words = new Map<string, UserWord>();
  for (const p of dictPaths) {
    const r = readUserDictionary(p, diagnostics);
    files.push(r.file);
    for (const w of r.words) words.set(w.word, w);
  }
  const stopwords = new Set<string>();
  for (const p of stopPaths) {
    const r = readWordList(p, 'stopwords', diagnostics);
    files.push(r.file);
    for (const w of r.words) stopwords.add(w);
  }
  const synonyms = new Map<string, string>();
  for (const p of synPaths) {
    const r = readSynonyms(p, diagnostics);
    files.push(r.file);
    for (const [alias, canonical] of r.pairs) {
      synonyms.set(alias, canonical);
      // aliases must come out of the segmenter whole to be folded
      if (!words.has(alias)) words.set(alias, { word: alias, freq: DEFAULT_USER_FREQ, tag: 'n' });
      if (!words.has(canonical)) words.set(canonical, { word: canonical, freq: DEFAULT_USER_FREQ, tag: 'n' });
    }
  }
  const keepSingle = new Set<string>();
  if (bundled) {
    const r = readWordList(BUNDLED.keepSingle, 'keep-single', diagnostics);
    files.push(r.file);
    for (const w of r.words) keepSingle.add(w);
  }
  const userWords = [...words.values()];
  return { userWords, entered: new Set(userWords.map((w) => w.word)), stopwords, synonyms, keepSingle, files };
}
