import { roundedPercents } from './rounded-percents.ts';

/** The fields of a suggestion the distribution analysis (建议分布分析) counts. */
export interface DistributionDocument {
  year: number | null;
  category: string | null;
  result: string | null;
  unit: string | null;
  disclosed: boolean | null;
}

export const DISTRIBUTION_DIMENSIONS = ['category', 'result', 'unit', 'disclosed'] as const;
export type DistributionDimension = (typeof DISTRIBUTION_DIMENSIONS)[number];

/** How many suggestions of a year (null: all years) have one value of a dimension. */
export interface DistributionRow {
  year: number | null;
  dimension: DistributionDimension;
  /** The value as in the data; `未填` when the field is empty; disclosed is `是`/`否`. */
  value: string;
  documents: number;
  /** documents / suggestions of the year, unrounded. */
  share: number;
  /** The share in percent, rounded as reports print it (see roundedPercents): 1 place for categories, 2 otherwise. */
  percent: number;
}

export const UNFILLED = '未填';

const PERCENT_DECIMALS: Record<DistributionDimension, number> = { category: 1, result: 2, unit: 2, disclosed: 2 };

/**
 * Counts and shares of suggestions by category, handling result, handling
 * unit and disclosure, for each year and for all years. Rows come in a fixed
 * order: year ascending then all; dimension as listed; count descending, then
 * value by code point.
 */
export function distribution(docs: readonly DistributionDocument[]): DistributionRow[] {
  const years = [...new Set(docs.map((d) => d.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const rows: DistributionRow[] = [];
  for (const year of [...years, null]) {
    const inYear = year === null ? docs : docs.filter((d) => d.year === year);
    for (const dimension of DISTRIBUTION_DIMENSIONS) {
      const counts = new Map<string, number>();
      for (const d of inYear) {
        const v = valueOf(d, dimension);
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const entries = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const percents = roundedPercents(
        entries.map((e) => e[1]),
        PERCENT_DECIMALS[dimension],
      );
      entries.forEach(([value, documents], i) => {
        rows.push({ year, dimension, value, documents, share: documents / inYear.length, percent: percents[i]! });
      });
    }
  }
  return rows;
}

function valueOf(d: DistributionDocument, dimension: DistributionDimension): string {
  if (dimension === 'disclosed') return d.disclosed === null ? UNFILLED : d.disclosed ? '是' : '否';
  return d[dimension] ?? UNFILLED;
}
