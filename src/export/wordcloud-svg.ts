import { CLOUD_FONT_FAMILY } from './cloud-font.ts';
import { displayText } from './display-text.ts';
import type { CloudLayout } from './wordcloud-layout.ts';

/** What a rendered panel says about itself. */
export interface CloudPanel {
  title: string;
  caption: string;
  /** Where the data comes from: input files. */
  source: string;
  color: string;
  layout: CloudLayout;
}

export const CLOUD_SIZE = { width: 900, height: 580, top: 56, bottom: 76 } as const;

/** Escape text for XML content and attributes, without the characters XML or a reader's eye cannot take (display-text.ts). */
export function escapeXml(s: string): string {
  return displayText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const UNPLACED_NOTE = '未能排入';

/**
 * Every character the SVG of a panel with these texts can hold, whatever its
 * layout: the texts', the note on words that did not fit, and printable ASCII
 * with the newline (markup, numbers, entities). Known before the layouts, so
 * the PNGs' font can be made while they run.
 */
export function cloudSvgCharacters(texts: Iterable<string>): Set<string> {
  const chars = new Set<string>(['\n']);
  for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCharCode(c));
  for (const ch of `${UNPLACED_NOTE}（）：、`) chars.add(ch);
  for (const t of texts) for (const ch of t) chars.add(ch);
  return chars;
}

/**
 * A word-cloud panel as SVG: title, the words (larger = raised in more
 * suggestions; darker = more salient rank), a caption with scope, size and
 * source, and any word that did not fit. Deterministic text: fixed number
 * formatting, no ids or dates.
 */
export function renderCloudSvg(panel: CloudPanel): string {
  const { width, height, top, bottom } = CLOUD_SIZE;
  const cx = width / 2;
  const cy = top + (height - top - bottom) / 2;
  const words = panel.layout.placed
    .map((w, i) => {
      const opacity = Math.max(0.5, 1 - i * 0.012).toFixed(2);
      const rotate = w.rotate ? ` transform="rotate(${w.rotate} ${w.x} ${w.y})"` : '';
      const paint = `fill="${panel.color}" fill-opacity="${opacity}"`;
      return `<text x="${w.x}" y="${w.y}" font-size="${w.size}" ${paint} text-anchor="middle"${rotate}>${escapeXml(w.text)}</text>`;
    })
    .join('\n');
  const missing =
    panel.layout.unplaced.length > 0 ? `${UNPLACED_NOTE}（${panel.layout.unplaced.length}）：${panel.layout.unplaced.join('、')}` : '';
  const size = `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`;
  return `<svg xmlns="http://www.w3.org/2000/svg" ${size} font-family="${CLOUD_FONT_FAMILY}, sans-serif">
<rect width="${width}" height="${height}" fill="#ffffff"/>
<text x="24" y="36" font-size="22" font-weight="bold" fill="#222222">${escapeXml(panel.title)}</text>
<g transform="translate(${cx} ${cy})">
${words}
</g>
<text x="24" y="${height - 50}" font-size="13" fill="#555555">${escapeXml(panel.caption)}</text>
<text x="24" y="${height - 31}" font-size="12" fill="#777777">${escapeXml(panel.source)}</text>
${missing ? `<text x="24" y="${height - 12}" font-size="13" fill="#b00020">${escapeXml(missing)}</text>` : ''}
</svg>
`;
}
