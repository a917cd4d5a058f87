import { Resvg } from '@resvg/resvg-js';
import { CLOUD_FONT_FAMILY, cloudFontPath } from './cloud-font.ts';

/** Render a cloud SVG to PNG with resvg and the bundled font only (no system fonts: same pixels everywhere). */
export function renderCloudPng(svg: string, width = 1800): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { fontFiles: [cloudFontPath()], loadSystemFonts: false, defaultFontFamily: CLOUD_FONT_FAMILY, sansSerifFamily: CLOUD_FONT_FAMILY },
  });
  return resvg.render().asPng();
}
