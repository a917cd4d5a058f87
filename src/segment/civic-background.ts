import { readFileSync } from 'node:fs';
import { BUNDLED_DICTIONARIES } from './lexicon.ts';

/** How common words are in civic language: dictionaries/civic-background.txt (see its header). */
export interface CivicBackground {
  /** Paragraphs the counts were taken over. */
  paragraphs: number;
  /** term → paragraphs holding it. */
  df: ReadonlyMap<string, number>;
  /** Words a domain lexicon (THUOCL) knows, also those the reports lack. */
  known: ReadonlySet<string>;
  /** Idioms (THUOCL's chengyu lexicon): 苦不堪言 养家糊口 偷工减料. */
  idioms: ReadonlySet<string>;
}

export const CIVIC_BACKGROUND = `${BUNDLED_DICTIONARIES}civic-background.txt`;

/** Read the civic background table (`term<TAB>df<TAB>thuocl` lines, thuocl 1 a domain word, 2 an idiom, after a `paragraphs<TAB>N` line). */
export function loadCivicBackground(path = CIVIC_BACKGROUND): CivicBackground {
  const df = new Map<string, number>();
  const known = new Set<string>();
  const idioms = new Set<string>();
  let paragraphs = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [term, a, b] = line.split('\t');
    if (term === 'paragraphs') {
      paragraphs = Number(a);
      continue;
    }
    const n = Number(a);
    if (n > 0) df.set(term!, n);
    if (b === '1') known.add(term!);
    else if (b === '2') idioms.add(term!);
  }
  if (!(paragraphs > 0)) throw new Error(`${path}: no "paragraphs" line`);
  return { paragraphs, df, known, idioms };
}
