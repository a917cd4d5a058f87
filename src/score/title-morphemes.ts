/**
 * How far the other titles of a scope back a word one title names, through the characters
 * they share with it. Chinese builds the words of one theme from the same morphemes (教师,
 * 教育局 and 教学 in a category's titles; 污水, 排污 and 污染), so a word raised by a single
 * suggestion of a scope is part of what the scope's suggestions are about when its characters
 * recur in the scope's other titles and seldom in the titles of the rest of the corpus.
 */
export interface TitleDocument {
  /** The words the suggestion's title names as its theme (themes.ts titleTerms). */
  titleTerms?: readonly string[];
}

/** Per Han character, the suggestions among `members` whose title words hold it. */
export function titleCharacterDocs(docs: readonly TitleDocument[], members: Iterable<number>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of members) for (const ch of titleCharacters(docs[d]!)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/** The distinct Han characters of a suggestion's title words. */
export function titleCharacters(doc: TitleDocument): Set<string> {
  const chars = new Set<string>();
  for (const t of doc.titleTerms ?? []) for (const ch of t) if (HAN.test(ch)) chars.add(ch);
  return chars;
}

const HAN = /\p{Script=Han}/u;

/**
 * The support of `term`, named in the title of suggestion `own` of a scope, by the scope's other
 * titles: over the term's characters, the largest a × ln(lift) with a the scope's other
 * suggestions whose title words hold the character and lift = (a / scope suggestions) ÷
 * ((b + ½) / rest suggestions), b the rest's (0 when no character is over-represented).
 * `inScope` and `inRest` are titleCharacterDocs of the scope and of the rest.
 */
export function titleMorphemeSupport(
  term: string,
  own: TitleDocument,
  scope: { inScope: ReadonlyMap<string, number>; documents: number },
  rest: { inRest: ReadonlyMap<string, number>; documents: number },
): number {
  const ownChars = titleCharacters(own);
  let best = 0;
  for (const ch of new Set(term)) {
    if (!HAN.test(ch)) continue;
    const a = (scope.inScope.get(ch) ?? 0) - (ownChars.has(ch) ? 1 : 0);
    if (a <= 0) continue;
    const lift = a / scope.documents / (((rest.inRest.get(ch) ?? 0) + 0.5) / rest.documents);
    if (lift > 1) best = Math.max(best, a * Math.log(lift));
  }
  return best;
}
