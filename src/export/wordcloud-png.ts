import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import subsetFont from 'subset-font';
import { CLOUD_FONT_FAMILY, cloudFontPath } from './cloud-font.ts';

/** Renders cloud SVGs to PNG; `close` removes the subset font file. */
export interface CloudPngRenderer {
  render(svg: string): Buffer;
  close(): void;
}

/**
 * A PNG renderer for a batch of cloud SVGs: resvg with the bundled font only
 * (no system fonts: same pixels everywhere), cut down once (to a temporary file) to the characters
 * the batch uses. resvg parses its fonts for every image, and the full 10 MB
 * CJK font made that 0.35 s a PNG; the subset (same glyphs, same metrics) is a
 * few hundred kB.
 */
export async function cloudPngRenderer(svgs: readonly string[], width = 1800): Promise<CloudPngRenderer> {
  const characters = [...new Set(svgs.join(''))].sort().join('');
  const folder = mkdtempSync(join(tmpdir(), 'hotwords-font-'));
  const fontFile = join(folder, 'cloud-font.ttf');
  writeFileSync(fontFile, await subsetFont(readFileSync(cloudFontPath()), characters, { targetFormat: 'truetype' }));
  return {
    render: (svg) => new Resvg(svg, {
      fitTo: { mode: 'width', value: width },
      font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: CLOUD_FONT_FAMILY, sansSerifFamily: CLOUD_FONT_FAMILY },
    }).render().asPng(),
    close: () => rmSync(folder, { recursive: true, force: true }),
  };
}
