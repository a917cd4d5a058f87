import { saidOnce } from './diversify.ts';
import type { Keyword } from './hot-words.ts';
import type { Scope } from './scopes.ts';
import type { ThemeFamily } from './themes.ts';

/** A word a cloud draws: a theme family of the scope's titles, or a hot word. */
export interface CloudEntry {
  text: string;
  /** Its size: suggestions raising it, those whose title names it as a theme counted 1 + CLOUD_TITLE_WEIGHT times. */
  value: number;
  kind: 'theme' | 'word';
}

/** Theme families a cloud draws at most (the best by the themes' ranking). */
export const CLOUD_THEMES = 20;

/**
 * Suggestions more that a title naming a theme counts in a cloud's sizes: a suggestion is about
 * what its title names and only mentions the rest. The themes issue's measure: a theme two titles
 * name must outweigh a word nineteen suggestions mention in passing (服务), 2 × (1 + w) > 19.
 * (The ranking's title weight, TITLE_WEIGHT, is the one its lists were measured with.)
 */
export const CLOUD_TITLE_WEIGHT = 9;

/**
 * A hot word's size in its scope's cloud (cloudWords): the suggestions raising it, those whose
 * title names that very word as its theme 1 + CLOUD_TITLE_WEIGHT times.
 */
export function cloudWordValue(themes: readonly ThemeFamily[], scope: Scope): (k: Pick<Keyword, 'term' | 'docs'>) => number {
  return valueAmong(themesOf(themes, scope));
}

/** The theme families of one scope. */
function themesOf(themes: readonly ThemeFamily[], scope: Scope): ThemeFamily[] {
  return themes.filter((t) => t.category === scope.category && t.year === scope.year);
}

/** cloudWordValue over a scope's own families `own`. */
function valueAmong(own: readonly ThemeFamily[]): (k: Pick<Keyword, 'term' | 'docs'>) => number {
  // suggestions whose title names each phrase as a theme (a phrase belongs to one family of a scope)
  const named = new Map(own.flatMap((t) => t.members.map((m) => [m.phrase, m.docs] as const)));
  return (k) => k.docs + CLOUD_TITLE_WEIGHT * (named.get(k.term) ?? 0);
}

/**
 * What a scope's cloud draws: its theme families (the titles' themes: 加装电梯
 * for 加装电梯 and 电梯安全评估), then its hot words `words` (the scope's
 * cloudKeywords, so already said once among themselves), each said once
 * (a word holding a theme, or inside one and raised no more widely, is
 * left out: 扰民 beside 施工扰民; 老人 stays beside 独居老人),
 * at most `top`. Sizes count suggestions, a suggestion whose title names the
 * entry as its theme 1 + CLOUD_TITLE_WEIGHT times: a family's suggestions all
 * do; a hot word's, those whose title's theme is that very word (not a word
 * inside a theme: 资金 in 加装电梯资金补贴 is mentioned, 加装电梯资金补贴 is
 * named). A family named as a hot word is drawn at the larger of the two
 * sizes. So a theme one title names is drawn as big as a word ten
 * suggestions mention in passing, and the biggest words are the session's
 * themes, not 监测, 资金 or 社区.
 */
export function cloudWords(words: readonly Keyword[], themes: readonly ThemeFamily[], scope: Scope, top: number): CloudEntry[] {
  const own = themesOf(themes, scope);
  const wordValue = valueAmong(own);
  const valueOf = new Map(words.map((k) => [k.term, wordValue(k)]));
  const families: CloudEntry[] = own
    .filter((t) => t.rank <= CLOUD_THEMES)
    .sort((x, y) => x.rank - y.rank)
    .map((t) => ({ text: t.theme, value: Math.max(t.docs * (1 + CLOUD_TITLE_WEIGHT), valueOf.get(t.theme) ?? 0), kind: 'theme' }));
  const hot: CloudEntry[] = words.map((k) => ({ text: k.term, value: valueOf.get(k.term)!, kind: 'word' }));
  return saidOnce(
    [...families, ...hot],
    (e) => e.text,
    (e) => e.value,
    top,
  );
}
