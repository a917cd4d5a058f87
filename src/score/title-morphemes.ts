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

/**
 * The title characters of a corpus's suggestions: each suggestion's distinct Han characters of its
 * title words, and per set of suggestions (a scope's, a category's) how many hold each character,
 * counted once per set.
 */
export class TitleCharacters {
  private readonly perDoc: readonly (readonly string[])[];
  private readonly counted = new Map<readonly number[], Map<string, number>>();
  private everyDoc: Map<string, number> | undefined;

  constructor(docs: readonly TitleDocument[]) {
    this.perDoc = docs.map((d) => [...titleCharacters(d)]);
  }

  /** The distinct Han characters of suggestion `d`'s title words. */
  of(d: number): readonly string[] {
    return this.perDoc[d]!;
  }

  /** Per character, the suggestions among `members` whose title words hold it (kept for that array). */
  in(members: readonly number[]): ReadonlyMap<string, number> {
    let counts = this.counted.get(members);
    if (counts === undefined) this.counted.set(members, (counts = this.count(members)));
    return counts;
  }

  /** Per character, the suggestions of the corpus whose title words hold it. */
  all(): ReadonlyMap<string, number> {
    return (this.everyDoc ??= this.count(this.perDoc.keys()));
  }

  /**
   * titleMorphemeSupport in a scope (its suggestions `members`) against the rest of the corpus
   * outside the scope that holds it (`outside`, itself or its category: hot-words.ts restOf).
   */
  support(members: readonly number[], outside: readonly number[]): (term: string, own: number | null) => number {
    const inScope = this.in(members);
    const inOutside = this.in(outside);
    const all = this.all();
    const scope = { count: (ch: string) => inScope.get(ch) ?? 0, documents: members.length };
    const rest = { count: (ch: string) => (all.get(ch) ?? 0) - (inOutside.get(ch) ?? 0), documents: this.perDoc.length - outside.length };
    return (term, own) => titleMorphemeSupport(term, own === null ? [] : this.of(own), scope, rest);
  }

  private count(members: Iterable<number>): Map<string, number> {
    const counts = new Map<string, number>();
    for (const d of members) for (const ch of this.perDoc[d]!) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    return counts;
  }
}

/** The distinct Han characters of a suggestion's title words. */
export function titleCharacters(doc: TitleDocument): Set<string> {
  const chars = new Set<string>();
  for (const t of doc.titleTerms ?? []) for (const ch of t) if (HAN.test(ch)) chars.add(ch);
  return chars;
}

const HAN = /\p{Script=Han}/u;

/**
 * The support of `term`, named in the title of a suggestion of a scope whose title characters are
 * `ownChars` (none for a word no title names), by the scope's other titles: over the term's
 * characters, the largest a × ln(lift) with a the scope's other suggestions whose title words hold
 * the character and lift = (a / scope suggestions) ÷ ((b + ½) / rest suggestions), b the rest's
 * (0 when no character is over-represented). `count` gives a set's suggestions holding a character.
 */
export function titleMorphemeSupport(
  term: string,
  ownChars: readonly string[],
  scope: { count: (ch: string) => number; documents: number },
  rest: { count: (ch: string) => number; documents: number },
): number {
  let best = 0;
  for (const ch of new Set(term)) {
    if (!HAN.test(ch)) continue;
    const a = scope.count(ch) - (ownChars.includes(ch) ? 1 : 0);
    if (a <= 0) continue;
    const lift = a / scope.documents / ((rest.count(ch) + 0.5) / rest.documents);
    if (lift > 1) best = Math.max(best, a * Math.log(lift));
  }
  return best;
}
