import type { DistributionDimension, DistributionRow } from '../score/distribution.ts';
import { UNFILLED } from '../score/distribution.ts';
import type { ThemeFamily } from '../score/themes.ts';
import { CLOUD_FONT_FAMILY } from './cloud-font.ts';
import { escapeXml } from './wordcloud-svg.ts';

/** One chart of a year's briefing: its file name (without extension) and SVG. */
export interface BriefingChart {
  year: number;
  name: string;
  svg: string;
}

interface Bar {
  label: string;
  value: number;
  /** What is written after the bar. */
  text: string;
}

const WIDTH = 900;
const TOP = 64;
const ROW = 30;
const BOTTOM = 64;
const BAR_COLOR = '#4e79a7';
const UNITS_SHOWN = 15;
const THEMES_SHOWN = 10;

/**
 * The report's bar charts for `year`, as SVG in the clouds' font and frame
 * (title, caption, source): suggestions by category, by handling result and
 * by unit (the 15 largest), the top themes with their suggestions, and the
 * change of each category's share on the previous year in points. A chart
 * whose data the suggestions lack is not drawn.
 */
export function briefingCharts(
  year: number,
  distribution: readonly DistributionRow[],
  themes: readonly ThemeFamily[],
  source: string,
): BriefingChart[] {
  const rows = (dimension: DistributionDimension, y: number | null = year): DistributionRow[] =>
    distribution.filter((r) => r.year === y && r.dimension === dimension && r.value !== UNFILLED);
  const total = distribution.filter((r) => r.year === year && r.dimension === 'category').reduce((n, r) => n + r.documents, 0);
  const counted = (r: DistributionRow): Bar => ({ label: r.value, value: r.documents, text: `${r.documents}件（${r.percent}%）` });
  const charts: BriefingChart[] = [];
  const add = (name: string, title: string, caption: string, bars: Bar[], diverging = false): void => {
    if (bars.length > 0) charts.push({ year, name, svg: barChartSvg({ title, caption, source, bars, diverging }) });
  };
  add('类别分布', `${year}年 · 建议类别分布`, `建议 ${total} 件 · 件数与占比，按件数排序`, rows('category').map(counted));
  add('办理结果', `${year}年 · 办理结果`, `建议 ${total} 件 · 件数与占比，按件数排序`, rows('result').map(counted));
  const units = rows('unit');
  add(
    '承办单位',
    `${year}年 · 承办单位`,
    `建议 ${total} 件 · ${units.length > UNITS_SHOWN ? `件数最多的 ${UNITS_SHOWN} 个单位（共 ${units.length} 个）` : '件数与占比'}，按件数排序`,
    units.slice(0, UNITS_SHOWN).map(counted),
  );
  const top = themes
    .filter((t) => t.year === year && t.category === null)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, THEMES_SHOWN);
  add(
    '热点主题',
    `${year}年 · 热点主题`,
    `建议 ${total} 件 · 前 ${top.length} 个主题，按排名（标题提出该主题的建议件数）`,
    top.map((t) => ({ label: t.theme, value: t.docs, text: `${t.docs}件` })),
  );
  const before = [...new Set(distribution.map((r) => r.year).filter((y): y is number => y !== null && y < year))].sort((a, b) => b - a)[0];
  if (before !== undefined) {
    const was = new Map(rows('category', before).map((r) => [r.value, r.percent]));
    const changes = rows('category').map((r) => {
      const points = Math.round((r.percent - (was.get(r.value) ?? 0)) * 100) / 100;
      return { label: r.value, value: points, text: `${points > 0 ? '+' : ''}${points} 个百分点` };
    });
    add('较上年变化', `${year}年 · 类别占比较${before}年变化`, `各类别占比（%）之差，单位：百分点`, changes, true);
  }
  return charts;
}

/** Every character a chart may hold beyond its texts: digits, signs and the fixed words. */
export const CHART_CHARACTERS = '0123456789.+-%（）件个百分点 ·，：共按数与占比排序前单位最多的主题名标题提出该建议差各类别之';

/** A horizontal bar chart: labels on the left, bars from zero (both ways when `diverging`), the value after each bar. */
function barChartSvg(c: { title: string; caption: string; source: string; bars: Bar[]; diverging: boolean }): string {
  const height = TOP + c.bars.length * ROW + BOTTOM;
  const labelWidth = Math.min(260, Math.max(...c.bars.map((b) => textWidth(b.label, 14))) + 16);
  const textRoom = Math.max(...c.bars.map((b) => textWidth(b.text, 13))) + 12;
  const left = 24 + labelWidth;
  const max = Math.max(...c.bars.map((b) => Math.abs(b.value)), 1e-9);
  // one-sided: bars from the labels, room for the value after the longest; diverging: zero in the
  // middle of the plot, room for a value on either side
  const span = c.diverging ? WIDTH - 24 - left - 2 * textRoom : WIDTH - 24 - left - textRoom;
  const zero = c.diverging ? left + textRoom + span / 2 : left;
  const scale = (c.diverging ? span / 2 : span) / max;
  const bars = c.bars
    .map((b, i) => {
      const y = TOP + i * ROW;
      const w = Math.abs(b.value) * scale;
      const x = b.value < 0 ? zero - w : zero;
      const color = c.diverging ? (b.value < 0 ? '#e15759' : '#59a14f') : BAR_COLOR;
      const textX = b.value < 0 ? x - 6 : x + w + 6;
      return [
        `<text x="${left - 10}" y="${y + 19}" font-size="14" fill="#333333" text-anchor="end">${escapeXml(clip(b.label, labelWidth - 16, 14))}</text>`,
        `<rect x="${x.toFixed(1)}" y="${y + 5}" width="${Math.max(w, 0.5).toFixed(1)}" height="${ROW - 10}" fill="${color}"/>`,
        `<text x="${textX.toFixed(1)}" y="${y + 19}" font-size="13" fill="#333333" text-anchor="${b.value < 0 ? 'end' : 'start'}">${escapeXml(b.text)}</text>`,
      ].join('\n');
    })
    .join('\n');
  const axis = `<line x1="${zero.toFixed(1)}" y1="${TOP}" x2="${zero.toFixed(1)}" y2="${TOP + c.bars.length * ROW}" stroke="#999999" stroke-width="1"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${CLOUD_FONT_FAMILY}, sans-serif">
<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>
<text x="24" y="36" font-size="22" font-weight="bold" fill="#222222">${escapeXml(c.title)}</text>
${bars}
${axis}
<text x="24" y="${height - 36}" font-size="13" fill="#555555">${escapeXml(c.caption)}</text>
<text x="24" y="${height - 16}" font-size="12" fill="#777777">${escapeXml(c.source)}</text>
</svg>
`;
}

/** Approximate width of a text in pixels: a CJK character one em, others about half. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? size : size * 0.56;
  return w;
}

/** The text, cut with … to fit `room` pixels. */
function clip(text: string, room: number, size: number): string {
  if (textWidth(text, size) <= room) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size) > room) chars.pop();
  return `${chars.join('')}…`;
}
