import { saidOnce } from './diversify.ts';
import type { Keyword } from './hot-words.ts';
import { TITLE_WEIGHT, cloudValue } from './hot-words.ts';
import type { Scope } from './scopes.ts';
import type { ThemeFamily } from './themes.ts';

/** A word a cloud draws: a theme family of the scope's titles, or a hot word. */
export interface CloudEntry {
  text: string;
  /** Its size: suggestions raising it, those whose title raises it counted 1 + TITLE_WEIGHT times. */
  value: number;
  kind: 'theme' | 'word';
}

/** Theme families a cloud draws at most (the best by the themes' ranking). */
export const CLOUD_THEMES = 20;

/**
 * What a scope's cloud draws: its theme families (the titles' themes: 加装电梯
 * for 加装电梯 and 电梯安全评估), then its hot words `words` (the scope's
 * cloudKeywords, so already said once among themselves), each said once
 * (a word holding a theme, or inside one and raised no more widely, is
 * left out: 扰民 beside 施工扰民; 老人 stays beside 独居老人),
 * at most `top`. A family's suggestions all raise it in their title, so each
 * counts 1 + TITLE_WEIGHT, as a hot word's title suggestions do (cloudValue);
 * a family named as a hot word is drawn at the larger of the two sizes. So a
 * theme two suggestions' titles name is drawn as big as a word six
 * suggestions mention in passing, and the biggest words are the session's
 * themes, not 监测 or 资金.
 */
export function cloudWords(words: readonly Keyword[], themes: readonly ThemeFamily[], scope: Scope, top: number): CloudEntry[] {
  const valueOf = new Map(words.map((k) => [k.term, cloudValue(k)]));
  const families: CloudEntry[] = themes
    .filter((t) => t.category === scope.category && t.year === scope.year && t.rank <= CLOUD_THEMES)
    .sort((x, y) => x.rank - y.rank)
    .map((t) => ({ text: t.theme, value: Math.max(t.docs * (1 + TITLE_WEIGHT), valueOf.get(t.theme) ?? 0), kind: 'theme' }));
  const hot: CloudEntry[] = words.map((k) => ({ text: k.term, value: cloudValue(k), kind: 'word' }));
  return saidOnce(
    [...families, ...hot],
    (e) => e.text,
    (e) => e.value,
    top,
  );
}
