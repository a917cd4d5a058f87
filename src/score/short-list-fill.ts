/*
 * What fills a category's short list, and what makes a weak word wait: the backing a scope's
 * titles give a word through the characters they share with it (title-morphemes.ts).
 */
import type { TitleCharacters, TitleDocument } from './title-morphemes.ts';

/** A word one title of a category's scope names, raised by no other of its suggestions (a fill candidate). */
export interface SingleTitleWord {
  /** Its place among the scope's terms (hot-words.ts scoreScope). */
  at: number;
  term: string;
  /** Suggestions of the rest raising it, the scope's share over the rest's, and its G² against the rest. */
  b: number;
  ratio: number;
  g2: number;
}

/** Lists shorter than this are filled with single-title words (singleTitleWords). */
export const FILL_TO = 10;
/**
 * Least title-morpheme support of a fill word, and of a two-suggestion word no title names for it
 * not to wait (title-morphemes.ts). In a category of ten of a session of seventy: a character of it
 * in another of the category's titles and in none of the rest's (1 × ln 12), or in two others and
 * two of the rest's (2 × ln 4.8).
 */
const FILL_SUPPORT = 2;
/**
 * Least share of the scope over the rest's for a fill word: one of ten suggestions against at
 * most one of sixty (4.0).
 */
export const FILL_RATIO = 4;

/**
 * Whether a scope's titles (its suggestions `members`; `outside`: the scope holding it, whose
 * complement is its rest) back a word no title names, at FILL_SUPPORT; worked out when first asked.
 */
export function titleBacking(
  members: readonly number[],
  outside: readonly number[],
  titles: () => TitleCharacters,
): (term: string) => boolean {
  let support: ((term: string, own: number | null) => number) | undefined;
  return (term) => (support ??= titles().support(members, outside))(term, null) >= FILL_SUPPORT;
}

/**
 * The words one title of the scope names as its theme that fill a short list (below FILL_TO): at a
 * session's size a category of ten short suggestions may share no word at all (a title is a
 * dozen characters), and its list would say nothing of what they raised. A word of a single
 * suggestion is taken when civic language knows it (it is in the civic background; the gate
 * refuses its common words), the rest of the corpus seldom raises it (the caller's candidates,
 * `singles`), and the scope's other titles share its morphemes (教师 beside 教育局 and 教学); by
 * that support, at most `room`, never one repeating a listed word (`listed`) as a string.
 */
export function singleTitleWords(
  singles: readonly SingleTitleWord[],
  listed: readonly string[],
  scope: { members: readonly number[]; outside: readonly number[]; docs: readonly TitleDocument[]; titles: TitleCharacters },
  room: number,
): SingleTitleWord[] {
  const support = scope.titles.support(scope.members, scope.outside);
  const ownDoc = (term: string): number => scope.members.find((d) => scope.docs[d]!.titleTerms?.includes(term))!;
  const supported = singles
    .map((w) => ({ w, support: support(w.term, ownDoc(w.term)) }))
    .filter((x) => x.support >= FILL_SUPPORT)
    .sort((x, y) => y.support - x.support || (x.w.term < y.w.term ? -1 : x.w.term > y.w.term ? 1 : 0));
  const taken: SingleTitleWord[] = [];
  const terms = [...listed];
  for (const { w } of supported) {
    if (taken.length >= room) break;
    if (terms.some((t) => t.includes(w.term) || w.term.includes(t))) continue;
    taken.push(w);
    terms.push(w.term);
  }
  return taken;
}
