import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../../src/segment/create-segmenter.ts';
import { BUNDLED, loadLexicon } from '../../src/segment/lexicon.ts';
import { SEGMENTER_BACKENDS } from '../../src/segment/segmenter.ts';
import { filterTokens } from '../../src/segment/token-filter.ts';
import { scoreSegmentation } from '../eval/segment-f1.ts';
import { SHARED_DATA, describeShared } from '../shared-data.ts';

const lexicon = loadLexicon({}, []);
const civicWords = readFileSync(BUNDLED.civic, 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split(' ')[0]!);
const segmenters = Object.fromEntries(SEGMENTER_BACKENDS.map((b) => [b, createSegmenter({ backend: b, userWords: lexicon.userWords })]));

/** Sentences the terms are put in: after a verb, before a noun, between other words. */
const FRAMES = [(w: string) => `代表们建议${w}尽快落实到位。`, (w: string) => `关于${w}的意见`, (w: string) => `居民对${w}问题反映强烈`];

describe.each(SEGMENTER_BACKENDS)('the %s backend', (backend) => {
  const seg = segmenters[backend]!;

  it(`keeps every one of the ${civicWords.length} civic dictionary entries whole inside a sentence`, () => {
    expect(civicWords.length).toBeGreaterThanOrEqual(350);
    const split: string[] = [];
    // what comes out of the segment stage: jieba's tokens with synonyms folded (停车难问题 → 停车难)
    const terms = (s: string): string[] => seg.cut(s).map((t) => lexicon.synonyms.get(t) ?? t);
    for (const w of civicWords)
      for (const frame of FRAMES) if (!terms(frame(w)).includes(w)) split.push(`${w} in ${frame(w)}: ${seg.cut(frame(w)).join('/')}`);
    expect(split).toEqual([]);
  });

  it('has no civic entry that is also a synonym alias (it would be folded away)', () => {
    expect(civicWords.filter((w) => lexicon.synonyms.has(w))).toEqual([]);
  });

  it('keeps numbers and English words whole', () => {
    const tokens = seg.cut('2021年共收到12345热线工单35000件，WiFi覆盖和基站建设');
    for (const t of ['2021', '12345热线', '35000', 'WiFi']) expect(tokens).toContain(t);
    for (const digit of ['2', '0', '1', '3', '5']) expect(tokens).not.toContain(digit);
  });

  it('folds synonyms and drops stop words, punctuation, numbers and meaningless single characters', () => {
    const terms = filterTokens(seg.cut('关于电梯加装和生活垃圾分类的建议：2021年，小区的停车难题仍然突出！'), lexicon);
    expect(terms).toEqual(['加装电梯', '垃圾分类', '小区', '停车难']);
  });

  it('drops whom a letter is addressed to, the writer’s kin and the letter’s requests: not its theme', () => {
    const terms = filterTokens(
      seg.cut(
        '书记您好！我家小孩和他同学每天上学要穿过马路，父母都很担心，请求在学校门口设置红绿灯。至今没有消息，也没有反馈，请为我们做主。',
      ),
      lexicon,
    );
    for (const w of ['书记', '小孩', '同学', '父母', '请求', '消息', '反馈', '做主']) expect(terms).not.toContain(w);
    for (const w of ['上学', '马路', '学校', '红绿灯']) expect(terms).toContain(w);
  });
});

describeShared('both backends on real text', () => {
  const lines = readFileSync(`${SHARED_DATA}sighan2005/pku_test.utf8`, 'utf8').split(/\r?\n/).filter(Boolean);

  it('agree on at least 97% of the words of the PKU test set (their HMMs differ in details)', () => {
    // the F1 of one segmentation against the other, as eval:segment scores against gold
    const { f1 } = scoreSegmentation(
      lines.map((line) => ({ predicted: segmenters['node-rs']!.cut(line), gold: segmenters.nodejieba!.cut(line) })),
    );
    console.log(`node-rs vs nodejieba word agreement (F1) on pku_test: ${f1.toFixed(4)}`);
    expect(f1).toBeGreaterThanOrEqual(0.97);
  });
});
