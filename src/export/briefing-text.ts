import type { SuggestionRecord } from '../corpus/record.ts';
import type { DistributionDimension, DistributionRow } from '../score/distribution.ts';
import { UNFILLED } from '../score/distribution.ts';
import type { Keyword } from '../score/hot-words.ts';
import type { ThemeFamily } from '../score/themes.ts';

/** What a year's briefing is written from: the run's suggestions and analysis. */
export interface BriefingInput {
  records: readonly Pick<SuggestionRecord, 'id' | 'year' | 'category' | 'session'>[];
  distribution: readonly DistributionRow[];
  themes: readonly ThemeFamily[];
  keywords: readonly Keyword[];
}

/** Handling results in the order reports list them; others follow by count. */
const RESULT_ORDER = ['解决采纳', '正在解决', '计划解决', '留作参考'];
/** Themes (or hot words) named for a category. */
const NAMED_PER_CATEGORY = 3;

/**
 * The §一 基本情况 paragraphs of the office's report for `year`, in its own
 * register, every figure from the distribution (the same rounding as the
 * report: categories to one place, results and rates to two), then one line
 * per category naming its top themes. A sentence whose data the suggestions
 * lack (no handling result, no disclosure, no earlier year) is left out,
 * never written with zeros. Categories are listed in the order the
 * suggestions first raise them (by id), as the report lists them.
 */
export function briefingMarkdown(year: number, input: BriefingInput): string {
  const { basics, hot } = briefingParagraphs(year, input);
  const lines = [`# ${year}年建议办理情况简报`, '', '## 一、基本情况', '', ...basics.flatMap((p) => [p, ''])];
  if (hot.length > 0) lines.push('## 二、各类别建议热点', '', ...hot.map((h) => `- ${h}`), '');
  return lines.join('\n');
}

/** The text of briefingMarkdown without its headings: the §一 paragraphs, and a line per category naming its themes. */
export function briefingParagraphs(year: number, input: BriefingInput): { basics: string[]; hot: string[] } {
  const rows = input.distribution.filter((r) => r.year === year);
  const of = (dimension: DistributionDimension): DistributionRow[] => rows.filter((r) => r.dimension === dimension);
  const inYear = input.records.filter((r) => r.year === year);
  const total = inYear.length;
  const previous = previousYear(input.distribution, year);
  const prevRows = previous === null ? [] : input.distribution.filter((r) => r.year === previous);
  const paragraphs: string[] = [];

  // 共收到…其中，涉及…方面有n件，占总数的p%
  const session = commonSession(inYear);
  const opening = `${session === null ? `${year}年` : `${session}期间，`}共收到建议${total}件。`;
  const categories = orderByFirstSeen(
    of('category').filter((r) => r.value !== UNFILLED),
    inYear.map((r) => r.category),
  );
  const unfiled = of('category').find((r) => r.value === UNFILLED);
  const parts = categories.map((r) => `涉及${r.value}方面有${r.documents}件，占总数的${pct(r.percent)}%`);
  if (unfiled && categories.length > 0) parts.push(`未分类的${unfiled.documents}件，占总数的${pct(unfiled.percent)}%`);
  paragraphs.push(categories.length > 0 ? `${opening}其中，${parts.join('；')}。` : opening);

  // 办理结果为解决采纳的…；较上年提高…个百分点
  const results = of('result').filter((r) => r.value !== UNFILLED);
  if (results.length > 0) {
    const answered = results.reduce((n, r) => n + r.documents, 0);
    const ordered = [...results].sort((a, b) => resultRank(a.value) - resultRank(b.value) || b.documents - a.documents);
    const list = ordered.map((r, i) => `${i === 0 ? '办理结果为' : ''}${r.value}的${r.documents}件，占总数的${pct(r.percent)}%`);
    let text = `在${answered === total ? '办复' : '填写了办理结果'}的${answered}件建议中，${list.join('；')}。`;
    const adopted = rateOf(rows, 'result', '解决采纳');
    const before = rateOf(prevRows, 'result', '解决采纳');
    if (adopted !== null && before !== null && previous !== null) text += `建议解决采纳率${compared(adopted, before, previous)}。`;
    paragraphs.push(text);
  }

  // 主动公开n件，主动公开率达r%，较上年（r0%）提高d个百分点
  const disclosed = of('disclosed');
  if (disclosed.some((r) => r.value !== UNFILLED)) {
    const yes = disclosed.find((r) => r.value === '是');
    const rate = yes?.percent ?? 0;
    let text = `建议办理结果主动公开${yes?.documents ?? 0}件，主动公开率达${pct(rate)}%`;
    const before = prevRows.some((r) => r.dimension === 'disclosed' && r.value !== UNFILLED)
      ? (rateOf(prevRows, 'disclosed', '是') ?? 0)
      : null;
    if (before !== null && previous !== null) text += `，${compared(rate, before, previous)}`;
    paragraphs.push(`${text}。`);
  }

  const hot = categories
    .map((c) => ({ c, named: namedFor(c.value, year, input) }))
    .filter((x) => x.named.length > 0)
    .map((x) => `${x.c.value}（${x.c.documents}件）：${x.named.join('、')}。`);
  return { basics: paragraphs, hot };
}

/** Each year's briefing text for the report (its paragraphs, then a paragraph a category), by year. */
export function briefingTexts(input: BriefingInput): Record<string, string> {
  const years = [...new Set(input.records.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  return Object.fromEntries(
    years.map((y) => {
      const { basics, hot } = briefingParagraphs(y, input);
      return [String(y), [...basics, ...hot].join('\n\n')];
    }),
  );
}

/** The year before `year` that the distribution has, or null. */
function previousYear(rows: readonly DistributionRow[], year: number): number | null {
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null && y < year))];
  return years.length === 0 ? null : Math.max(...years);
}

/** The session most of the year's suggestions name (届次), when every one that names one names it. */
function commonSession(records: readonly Pick<SuggestionRecord, 'session'>[]): string | null {
  const named = new Set(records.map((r) => r.session).filter((s): s is string => s !== null && s.trim() !== ''));
  return named.size === 1 ? [...named][0]! : null;
}

function orderByFirstSeen(rows: readonly DistributionRow[], values: readonly (string | null)[]): DistributionRow[] {
  const first = new Map<string, number>();
  values.forEach((v, i) => {
    if (v !== null && !first.has(v)) first.set(v, i);
  });
  return [...rows].sort((a, b) => (first.get(a.value) ?? Infinity) - (first.get(b.value) ?? Infinity));
}

function resultRank(value: string): number {
  const i = RESULT_ORDER.indexOf(value);
  return i < 0 ? RESULT_ORDER.length : i;
}

function rateOf(rows: readonly DistributionRow[], dimension: DistributionDimension, value: string): number | null {
  if (!rows.some((r) => r.dimension === dimension && r.value !== UNFILLED)) return null;
  return rows.find((r) => r.dimension === dimension && r.value === value)?.percent ?? 0;
}

/** 较2020年（94.87%）提高5.13个百分点 / 降低… / 持平. */
function compared(now: number, before: number, year: number): string {
  const points = Math.round((now - before) * 100) / 100;
  const base = `较${year}年（${pct(before)}%）`;
  if (points === 0) return `与${year}年（${pct(before)}%）持平`;
  return `${base}${points > 0 ? '提高' : '降低'}${pct(Math.abs(points))}个百分点`;
}

/** A rounded percentage as reports print it: 16.4, 92.54, 100 (no trailing zeros). */
function pct(p: number): string {
  return String(Math.round(p * 100) / 100);
}

/**
 * A category's top themes of the year (or its top hot words when its titles name none). A family
 * named by the word its members share says what they are: 扰民（施工扰民、餐饮油烟扰民）.
 */
function namedFor(category: string, year: number, input: BriefingInput): string[] {
  const themes = input.themes
    .filter((t) => t.category === category && t.year === year)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, NAMED_PER_CATEGORY)
    .map((t) =>
      t.members.length > 1 && !t.members.some((m) => m.phrase === t.theme)
        ? `${t.theme}（${t.members
            .slice(0, 3)
            .map((m) => m.phrase)
            .join('、')}）`
        : t.theme,
    );
  if (themes.length > 0) return themes;
  return input.keywords
    .filter((k) => k.category === category && k.year === year)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, NAMED_PER_CATEGORY)
    .map((k) => k.term);
}
