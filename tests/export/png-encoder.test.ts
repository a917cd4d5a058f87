import { readFileSync } from 'node:fs';
import * as zlib from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { expect, it } from 'vitest';
import { cloudFontPath, CLOUD_FONT_FAMILY } from '../../src/export/cloud-font.ts';
import { encodePng, tableCrc32 } from '../../src/export/png-encoder.js';
import { layoutCloud } from '../../src/export/wordcloud-layout.ts';
import { renderCloudSvg } from '../../src/export/wordcloud-svg.ts';

/** A PNG file read back: its chunks (each CRC checked) and, for an unfiltered 8-bit RGBA image, its pixels. */
function readPng(png: Buffer): { width: number; height: number; colourType: number; pixels: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const body = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `CRC of a chunk at byte ${at}`).toBe(tableCrc32(body));
    chunks.push({ type: body.subarray(0, 4).toString('latin1'), data: body.subarray(4) });
    at += 12 + length;
  }
  expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const header = chunks[0]!.data;
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  expect([header[8], header[10], header[11], header[12]]).toEqual([8, 0, 0, 0]);
  const rows = zlib.inflateSync(chunks[1]!.data);
  expect(rows.length).toBe((width * 4 + 1) * height);
  const pixels = Buffer.alloc(width * 4 * height);
  for (let y = 0; y < height; y++) {
    expect(rows[y * (width * 4 + 1)], `filter of row ${y}`).toBe(0);
    rows.copy(pixels, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, colourType: header[9]!, pixels };
}

it('writes a cloud as resvg renders it: every pixel, in chunks whose sums check', () => {
  const words = ['加装电梯', '停车难', '精品小区', '老年助餐', '垃圾分类', '盲道'].map((text, i) => ({ text, value: 12 - i }));
  const layout = layoutCloud(words, { width: 600, height: 400, maxSize: 60, minSize: 14, maxValue: 12, seed: 'png', scale: 1 });
  const svg = renderCloudSvg({ title: '2021年 · 全部类别', caption: '测试', source: 'hotwords', color: '#34495e', layout });
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: 900 },
    font: { fontFiles: [cloudFontPath()], loadSystemFonts: false, defaultFontFamily: CLOUD_FONT_FAMILY },
  }).render();
  const png = readPng(encodePng(image.width, image.height, image.pixels));
  expect([png.width, png.height, png.colourType]).toEqual([image.width, image.height, 6]);
  // an opaque image (the clouds paint a white ground): the pixels as rendered, and not all white
  expect(png.pixels.equals(image.pixels)).toBe(true);
  expect(png.pixels.some((b) => b < 200)).toBe(true);
  // the same image is the same bytes
  expect(encodePng(image.width, image.height, image.pixels).equals(encodePng(image.width, image.height, image.pixels))).toBe(true);
}, 60_000);

it('stores colours unmultiplied where a pixel is not opaque', () => {
  // resvg's pixels carry premultiplied alpha: half-transparent red is (128, 0, 0, 128)
  const premultiplied = Buffer.from([128, 0, 0, 128, 0, 0, 0, 0, 10, 20, 30, 255, 51, 102, 0, 102]);
  const png = readPng(encodePng(2, 2, premultiplied));
  expect([...png.pixels]).toEqual([255, 0, 0, 128, 0, 0, 0, 0, 10, 20, 30, 255, 128, 255, 0, 102]);
  expect(() => encodePng(3, 2, premultiplied)).toThrow(/not a 3 × 2 RGBA image/);
});

it('sums its chunks as zlib does (the CRC-32 of Node before 20.15, which has none)', () => {
  const bytes = readFileSync(new URL('../../package.json', import.meta.url));
  expect(tableCrc32(bytes)).toBe(zlib.crc32(bytes));
  expect(tableCrc32(Buffer.from('IEND', 'latin1'))).toBe(0xae426082);
});
