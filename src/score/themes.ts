import type { Lexicon } from '../segment/lexicon.ts';
import { stripMarkup } from '../segment/markup.ts';
import type { TaggedWord } from '../segment/segmenter.ts';
import type { TitleFrames } from '../segment/title-frames.ts';
import { classifyToken } from '../segment/token-filter.ts';
import { occurrences } from './occurrences.ts';
import { joinTokens } from './phrases.ts';
import type { Scope } from './scopes.ts';
import { compareScopes, scopeKey, scopesOf } from './scopes.ts';
import { placePiece } from './word-gate.ts';

/** What a suggestion's title says it is about. */
export interface DocumentThemes {
  /** Theme phrases of the title (精品小区, 加装电梯, 餐饮油烟扰民), in title order, each once. */
  phrases: string[];
  /** The counted terms inside those phrases (the words a title raises as its theme), each once. */
  titleTerms: string[];
  /** How often the text under the title comes back to each phrase: its occurrences there, or its most repeated word's. */
  mentions: number[];
}

/** Tags that end a theme phrase: function words, numbers, measure, place and time words, verbs. */
const BREAK_TAGS = new Set([
  'p',
  'c',
  'u',
  'uj',
  'ul',
  'uz',
  'ud',
  'ug',
  'uv',
  'y',
  'e',
  'o',
  'r',
  'rr',
  'rz',
  'd',
  'ad',
  'dg',
  'm',
  'mq',
  'q',
  'f',
  't',
  'tg',
  'z',
  'zg',
  'v',
  'vd',
  'vg',
  'a',
  'h',
  'k',
]);
const WORDY = /[\p{L}\p{N}]/u;
/** The first sentence stands for a title when there is none. */
const FIRST_SENTENCE = /^[^。！？!?\n]{1,80}/u;

/**
 * The themes a title names: the frame (关于…的建议, 加快 推进 完善 …, from
 * dictionaries/title-frames.txt) taken away, what is left cut by the
 * dictionaries' part-of-speech tags into noun phrases (runs of nouns,
 * verbal nouns, set phrases and abbreviations), generic heads (建设 体系
 * 问题 …) trimmed from their ends. A phrase needs a word that passes the
 * word gate and is not generic. With no title, the text's first sentence.
 */
export function titleThemes(
  title: string,
  text: string,
  tag: (s: string) => TaggedWord[],
  frames: TitleFrames,
  lexicon: Lexicon,
  passes: (term: string) => boolean,
  /** Whether a word may be a theme on its own (specific enough: 盲道, 群租; not 宣传 or 家庭). Default: any word that passes. */
  alone: (term: string) => boolean = () => true,
  /**
   * Whether a token no dictionary knows is a word all the same (the gate's corpus evidence, or civic
   * language's). Default: `passes`.
   */
  known: (term: string) => boolean = passes,
): DocumentThemes {
  let t = stripMarkup(title).trim();
  if (t === '') t = FIRST_SENTENCE.exec(stripMarkup(text).trim())?.[0] ?? '';
  t = stripFrame(t, frames);
  const phrases: string[] = [];
  const mentions: number[] = [];
  const titleTerms: string[] = [];
  const body = stripMarkup(text);
  let run: { word: string; term: string | null; tag: string }[] = [];
  // what no theme begins or ends with: a generic head, a place (西地省 of 西地省独生子女证, A7 and
  // 县星 of A7县星沙街办事处: word-gate.ts placePiece), or a token the HMM coined that is no known
  // word (老能 of 小区老能, 太乱 of 客运市场太乱; 托养 of 残疾人托养 is one)
  const edge = (w: { word: string; tag: string }): boolean =>
    frames.generic.has(w.word) || placePiece(w.word, w.tag) || (w.tag === 'x' && !known(w.word));
  const close = (): void => {
    let a = 0;
    let b = run.length;
    while (a < b && edge(run[a]!)) a++;
    while (b > a && edge(run[b - 1]!)) b--;
    const kept = run.slice(a, b);
    run = [];
    if (kept.length === 0) return;
    const core = kept.filter((w) => w.term !== null && !frames.generic.has(w.term) && passes(w.term));
    if (core.length === 0 || (kept.length === 1 && !alone(kept[0]!.word))) return;
    const phrase = kept.map((w) => w.word).reduce((x, y) => joinTokens(x, y));
    if ([...phrase].length < 2) return;
    if (!phrases.includes(phrase)) {
      phrases.push(phrase);
      mentions.push(Math.max(occurrences(body, phrase), ...core.map((w) => occurrences(body, w.word))));
    }
    for (const w of core) if (!titleTerms.includes(w.term!)) titleTerms.push(w.term!);
  };
  for (const { word, tag: g } of tag(t)) {
    const canonical = lexicon.synonyms.get(word) ?? word;
    const breaks =
      !WORDY.test(word) ||
      frames.frame.has(word) ||
      frames.frame.has(canonical) ||
      lexicon.stopwords.has(canonical) ||
      BREAK_TAGS.has(g) ||
      ([...word].length === 1 && !lexicon.keepSingle.has(word));
    if (breaks) {
      close();
      continue;
    }
    const c = classifyToken(word, lexicon);
    run.push({ word: canonical, term: 'term' in c ? c.term : null, tag: g });
  }
  close();
  return { phrases, titleTerms, mentions };
}

/** The title without its frame's prefix and suffix (关于 … 的建议), repeatedly, and without end punctuation. */
export function stripFrame(title: string, frames: TitleFrames): string {
  let t = title.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const p of frames.prefixes) {
      if (t.startsWith(p) && t.length > p.length) {
        t = t.slice(p.length).replace(/^[\s\p{P}]+/u, '');
        changed = true;
      }
    }
    for (const s of frames.suffixes) {
      if (t.endsWith(s) && t.length > s.length) {
        t = t.slice(0, -s.length).replace(/[\s\p{P}]+$/u, '');
        changed = true;
      }
    }
  }
  return t;
}

/** A family of theme phrases of one scope that share a word (停车难 / 共享停车 / 停车位). */
export interface ThemeFamily extends Scope {
  /** The family's name: its most raised member, or the shared word when no member stands for most of them. */
  theme: string;
  /** Member phrases, most raised first, each with the suggestions whose title raises it. */
  members: { phrase: string; docs: number }[];
  /** Suggestions of the scope whose title raises any member. */
  docs: number;
  /** docs / suggestions of the scope. */
  share: number;
  rank: number;
  /**
   * share × ln(ratio against the other categories, of every year also for a category × year),
   * × specificity × depth; share × specificity × depth over all categories.
   */
  score: number;
  /** Up to five suggestion ids raising it, in id order. */
  examples: string[];
}

export interface ThemeDocument {
  id: string;
  category: string | null;
  year: number | null;
  phrases: readonly string[];
  /** Per phrase, how often the suggestion's text comes back to it (DocumentThemes.mentions); default 0. */
  mentions?: readonly number[];
}

export interface ThemeOptions {
  /** How specific a word is (1 typical, below 1 generic), as the hot words' specificity. */
  specificity: (term: string) => number;
  /** Words that may name a family (passed the gate, not generic). */
  isKey: (term: string) => boolean;
  /** The tokens of a phrase (its specificity). */
  tokens: (phrase: string) => string[];
  /** Every dictionary word inside a phrase (jieba's search mode), the words families can share. */
  subWords: (phrase: string) => string[];
  /** Families kept per scope (default 50). */
  limit?: number;
}

/**
 * Theme families of every scope. Phrases join the family of the word they
 * contain that the most of the scope's phrases contain (a word of one of
 * them, 停车 in 停车难 and 共享停车; ties: the longer word, then code point);
 * a phrase sharing no word with another is a family of its own. A family
 * counts the suggestions raising any member. A category's families are
 * ranked by how much more it raises them than the other categories (of
 * every year, also for a category × year) do (share × ln ratio, as hot words;
 * over all categories, by share), times their specificity and 1 + ln(1 + the
 * mean number of times a raising suggestion's text comes back to it); ties
 * by suggestions, then name. `docs` is given in id order.
 */
export function themeFamilies(docs: readonly ThemeDocument[], options: ThemeOptions): ThemeFamily[] {
  const byScope = new Map<string, { scope: Scope; members: number[] }>();
  docs.forEach((d, i) => {
    for (const s of scopesOf(d)) {
      const k = scopeKey(s);
      const e = byScope.get(k) ?? { scope: s, members: [] };
      e.members.push(i);
      byScope.set(k, e);
    }
  });
  const all = byScope.get(scopeKey({ category: null, year: null }));
  if (!all) return [];
  // suggestions raising each phrase in the whole corpus, for the rest of each scope
  const phraseDocsAll = new Map<string, Set<number>>();
  for (const i of all.members) for (const p of docs[i]!.phrases) (phraseDocsAll.get(p) ?? phraseDocsAll.set(p, new Set()).get(p)!).add(i);
  const out: ThemeFamily[] = [];
  for (const { scope, members } of [...byScope.values()].sort((a, b) => compareScopes(a.scope, b.scope))) {
    const phraseDocs = new Map<string, number[]>();
    for (const i of members) for (const p of docs[i]!.phrases) (phraseDocs.get(p) ?? phraseDocs.set(p, []).get(p)!).push(i);
    const families = groupPhrases([...phraseDocs.keys()].sort(), options);
    // a category's themes are weighed against the other categories (of every year, as hot words
    // are): a theme raised again in the next session is still that session's theme
    const inRest = (d: ThemeDocument): boolean => scope.category !== null && d.category !== scope.category;
    const rest = scope.category === null ? 0 : all.members.filter((i) => inRest(docs[i]!)).length;
    // every family's score first; its name, members and examples only for those that can be listed
    const weighed = [...families].map(([key, phrases]) => {
      const docSet = new Set<number>();
      for (const p of phrases) for (const i of phraseDocs.get(p)!) docSet.add(i);
      let inTheRest = 0;
      if (rest > 0) {
        const restSet = new Set<number>();
        for (const p of phrases) for (const i of phraseDocsAll.get(p) ?? []) if (inRest(docs[i]!)) restSet.add(i);
        inTheRest = restSet.size;
      }
      const a = docSet.size;
      const share = a / members.length;
      // how much the suggestions raising it talk about it, beyond naming it: a theme the text keeps coming back to first
      let said = 0;
      for (const i of docSet) {
        const d = docs[i]!;
        let most = 0;
        d.phrases.forEach((p, k) => {
          if (phrases.includes(p)) most = Math.max(most, d.mentions?.[k] ?? 0);
        });
        said += most;
      }
      const depth = 1 + Math.log1p(said / a);
      const spec = Math.max(...phrases.flatMap((p) => options.tokens(p)).map((t) => options.specificity(t)), 0.01);
      const ratio = rest > 0 ? share / ((inTheRest + 0.5) / (rest + 0.5)) : null;
      const score = (ratio === null ? share * spec : share * Math.log(Math.max(ratio, 1.0001)) * spec) * depth;
      return { key, phrases, docSet, share, score };
    });
    const limit = options.limit ?? 50;
    // the families that can be listed: ahead of the limit-th by score and suggestions, or tied with it (the name decides)
    const byScore = weighed
      .map((_, i) => i)
      .sort((i, j) => weighed[j]!.score - weighed[i]!.score || weighed[j]!.docSet.size - weighed[i]!.docSet.size);
    const cut = byScore.length > 0 ? weighed[byScore[Math.min(limit, byScore.length) - 1]!]! : null;
    const listable = cut ? weighed.filter((f) => f.score > cut.score || (f.score === cut.score && f.docSet.size >= cut.docSet.size)) : [];
    const scored = listable.map(({ key, phrases, docSet, share, score }) => {
      const memberRows = phrases
        .map((p) => ({ phrase: p, docs: phraseDocs.get(p)!.length }))
        .sort((x, y) => y.docs - x.docs || x.phrase.length - y.phrase.length || (x.phrase < y.phrase ? -1 : 1));
      const theme = familyName(key, memberRows, docSet, (i) => docs[i]!.phrases);
      const examples = [...docSet]
        .sort((x, y) => x - y)
        .slice(0, 5)
        .map((i) => docs[i]!.id);
      return { ...scope, theme, members: memberRows, docs: docSet.size, share, rank: 0, score, examples };
    });
    scored.sort((x, y) => y.score - x.score || y.docs - x.docs || (x.theme < y.theme ? -1 : x.theme > y.theme ? 1 : 0));
    scored.slice(0, limit).forEach((f, r) => out.push({ ...f, rank: r + 1 }));
  }
  return out;
}

/**
 * What a family is called: the longest of its members that more than half of its suggestions
 * raise, alone or inside a longer member (出租车 for 出租车, 出租车司机 and 出租车市场, not
 * their shared word 出租, which means renting; 农民工 for 农民工工资 and 民工; 加装电梯 for
 * 加装电梯, 加装电梯资金补贴 and 电梯安全评估), or the shortest member inside it that as many
 * raise (公厕 for 公厕 and 公厕服务水平 in one title); else the shared word (停车 for 停车难,
 * 共享停车 and 停车位; 扰民 for 施工扰民 and 餐饮油烟扰民).
 */
function familyName(
  key: string,
  members: readonly { phrase: string }[],
  docSet: ReadonlySet<number>,
  phrasesOf: (doc: number) => readonly string[],
): string {
  const a = docSet.size;
  const isMember = new Set(members.map((m) => m.phrase));
  // each suggestion's members of this family
  const raised = [...docSet].map((i) => phrasesOf(i).filter((p) => isMember.has(p)));
  // the members more than half of the suggestions raise, alone or inside a longer member
  const most: { phrase: string; covered: number }[] = [];
  for (const { phrase } of members) {
    let covered = 0;
    for (const ps of raised) if (ps.some((p) => p.includes(phrase))) covered++;
    if (covered * 2 > a) most.push({ phrase, covered });
  }
  if (most.length > 0) {
    // the longest; but a shorter one inside it that as many raise says the same (公厕, not 公厕服务水平)
    const longest = most.reduce((x, y) => (y.phrase.length > x.phrase.length ? y : x));
    return most
      .filter((m) => m.covered === longest.covered && longest.phrase.includes(m.phrase))
      .reduce((x, y) => (y.phrase.length < x.phrase.length ? y : x)).phrase;
  }
  // (a single member is raised by all its suggestions: it was taken above); a member raised by
  // just half of them would name the other half wrongly (施工扰民 for 施工扰民 and 餐饮油烟扰民)
  return key;
}

/** Phrases grouped by the shared word each picks (see themeFamilies): key → member phrases. */
function groupPhrases(phrases: readonly string[], options: ThemeOptions): Map<string, string[]> {
  const keys = new Set<string>();
  for (const p of phrases) for (const t of options.subWords(p)) if ([...t].length >= 2 && options.isKey(t)) keys.add(t);
  // the keys inside each phrase, found through its substrings (not every key against every phrase)
  const inside = phrases.map((p) => {
    const found: string[] = [];
    for (let a = 0; a < p.length; a++) {
      for (let b = a + 2; b <= p.length; b++) {
        const k = p.slice(a, b);
        if (keys.has(k) && !found.includes(k)) found.push(k);
      }
    }
    return found;
  });
  // a key is worth a family only if it is in at least two phrases, and not in most of them (a word that general names nothing)
  const reach = new Map<string, number>();
  for (const found of inside) for (const k of found) reach.set(k, (reach.get(k) ?? 0) + 1);
  const cap = Math.max(3, phrases.length / 4);
  const groups = new Map<string, string[]>();
  phrases.forEach((p, i) => {
    let best: string | null = null;
    let bestReach = 0;
    for (const k of inside[i]!) {
      const n = reach.get(k)!;
      if (n < 2 || n > cap) continue;
      if (best === null || n > bestReach || (n === bestReach && (k.length > best.length || (k.length === best.length && k < best)))) {
        best = k;
        bestReach = n;
      }
    }
    const key = best ?? p;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  });
  return groups;
}
