import type { SuggestionRecord } from '../corpus/record.ts';
import type { CorpusAnalysis } from '../score/analyse-corpus.ts';
import type { DistributionDimension } from '../score/distribution.ts';

/** A table for a spreadsheet: its sheet name (also the CSV's file name), header and rows; numbers stay numbers. */
export interface BriefingTable {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

const DIMENSION_LABEL: Record<DistributionDimension, string> = {
  category: '类别',
  result: '办理结果',
  unit: '承办单位',
  disclosed: '是否公开',
};
const ALL = '全部';

/**
 * The tables an analyst pastes into a briefing: the distribution per year
 * with the change on the previous year in percentage points, themes and hot
 * words per scope with their counts, emerging terms, and topics with their
 * sizes and representative titles. A scope over all years or categories
 * reads 全部.
 */
export function briefingTables(
  records: readonly Pick<SuggestionRecord, 'id' | 'title'>[],
  a: Pick<CorpusAnalysis, 'distribution' | 'themes' | 'keywords' | 'emerging' | 'topics'>,
): BriefingTable[] {
  const label = (v: string | number | null): string | number => v ?? ALL;
  const years = [...new Set(a.distribution.map((r) => r.year).filter((y): y is number => y !== null))].sort((x, y) => x - y);
  const percentOf = new Map(a.distribution.map((r) => [`${r.year}\u0001${r.dimension}\u0001${r.value}`, r.percent]));
  const distribution: BriefingTable = {
    name: '建议分布',
    header: ['年度', '维度', '值', '件数', '占比（%）', '较上年（百分点）'],
    rows: a.distribution.map((r) => {
      const before = r.year === null ? undefined : years[years.indexOf(r.year) - 1];
      const prev = before === undefined ? undefined : (percentOf.get(`${before}\u0001${r.dimension}\u0001${r.value}`) ?? 0);
      const change = prev === undefined ? null : Math.round((r.percent - prev) * 100) / 100;
      return [label(r.year), DIMENSION_LABEL[r.dimension], r.value, r.documents, r.percent, change];
    }),
  };
  const themes: BriefingTable = {
    name: '主题',
    header: ['年度', '类别', '排名', '主题', '件数', '占比（%）', '成员（件数）'],
    rows: a.themes.map((t) => [
      label(t.year),
      label(t.category),
      t.rank,
      t.theme,
      t.docs,
      percent(t.share),
      t.members.map((m) => `${m.phrase}（${m.docs}）`).join('、'),
    ]),
  };
  const keywords: BriefingTable = {
    name: '热议词',
    header: ['年度', '类别', '排名', '词', '件数', '占比（%）', '以之为题的件数'],
    rows: a.keywords.map((k) => [label(k.year), label(k.category), k.rank, k.term, k.docs, percent(k.share), k.titleDocs]),
  };
  const emerging: BriefingTable = {
    name: '新兴词',
    header: ['年度', '类别', '排名', '词', '件数', 'z'],
    rows: a.emerging.map((e) => [e.year, label(e.category), e.rank, e.term, e.docs, Math.round(e.z * 100) / 100]),
  };
  const titleOf = new Map(records.map((r) => [r.id, r.title]));
  const topics: BriefingTable = {
    name: '话题',
    header: ['年度', '类别', '话题', '件数', '主要词', '代表性建议'],
    rows: a.topics.map((t) => [
      label(t.year),
      label(t.category),
      t.label,
      t.size,
      t.terms.slice(0, 8).join('、'),
      t.representative.map((id) => titleOf.get(id) || id).join('；'),
    ]),
  };
  return [distribution, themes, keywords, emerging, topics];
}

function percent(share: number): number {
  return Math.round(share * 10000) / 100;
}
