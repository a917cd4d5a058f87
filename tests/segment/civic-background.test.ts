import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CIVIC_BACKGROUND, loadCivicBackground } from '../../src/segment/civic-background.ts';
import { describeShared } from '../shared-data.ts';
import { civicBackgroundText } from '../tools/build-civic-background.ts';

describeShared('the civic background (dictionaries/civic-background.txt)', () => {
  it('is what `npm run build:background` makes from the reports and the current dictionaries', () => {
    // a dictionary or stop word list changed without the table made again would leave counts of
    // words the segmenter no longer gives (this happened: 深化 重点 试点 were counted as words)
    expect(readFileSync(CIVIC_BACKGROUND, 'utf8') === civicBackgroundText().text).toBe(true);
  });

  it('counts the reports’ own paragraphs, not the Wikisource licence notice each page ends with', () => {
    const civic = loadCivicBackground();
    // words of the notice only (it named the copyright law, Wikisource and the public domain on all 52 pages)
    for (const w of ['维基', '著作权法', '公有领域', '管辖区', 'Public', 'domain', 'false']) expect(civic.df.has(w), w).toBe(false);
  });
});
