import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { createSegmenter } from '../../src/segment/create-segmenter.ts';
import { recordText } from '../../src/segment/document-terms.ts';
import type { Lexicon } from '../../src/segment/lexicon.ts';
import { loadLexicon } from '../../src/segment/lexicon.ts';
import type { Segmenter } from '../../src/segment/segmenter.ts';
import { SEGMENTER_BACKENDS } from '../../src/segment/segmenter.ts';
import { findSplitTerms } from '../../src/segment/split-terms.ts';
import { describeShared, MESSAGES_CSV, MESSAGES_MAP, SHARED_DATA } from '../shared-data.ts';

/** The oracle: every text cut whole, each user word's occurrences on token boundaries counted. */
function splitsOfWholeTexts(docs: readonly { id: string; text: string }[], segmenter: Segmenter, lexicon: Lexicon) {
  const byFirst = new Map<string, string[]>();
  for (const { word } of lexicon.userWords) if (word.length >= 2) byFirst.set(word[0]!, [...(byFirst.get(word[0]!) ?? []), word]);
  const stats = new Map<string, { term: string; occurrences: number; split: number; pieces: string; exampleId: string }>();
  for (const doc of docs) {
    const tokens = segmenter.cut(doc.text);
    const startOf = new Map<number, number>();
    let pos = 0;
    tokens.forEach((t, i) => {
      startOf.set(pos, i);
      pos += t.length;
    });
    startOf.set(pos, tokens.length);
    for (let i = 0; i < doc.text.length; i++)
      for (const w of byFirst.get(doc.text[i]!) ?? []) {
        if (!doc.text.startsWith(w, i) || !startOf.has(i) || !startOf.has(i + w.length)) continue;
        const s = stats.get(w) ?? { term: w, occurrences: 0, split: 0, pieces: '', exampleId: '' };
        stats.set(w, s);
        s.occurrences++;
        const [first, end] = [startOf.get(i)!, startOf.get(i + w.length)!];
        if (end - first > 1 && s.split++ === 0) {
          s.pieces = tokens.slice(first, end).join('/');
          s.exampleId = doc.id;
        }
      }
  }
  return [...stats.values()].filter((s) => s.split > 0).sort((a, b) => b.split - a.split || (a.term < b.term ? -1 : 1));
}

describeShared('dictionary words the segmenter still splits, on the labelled messages', () => {
  let folder: string;
  let texts: { id: string; text: string }[];
  beforeAll(async () => {
    // the data's place names as a user dictionary of frequency 1: entries that lose to their neighbours
    folder = mkdtempSync(join(tmpdir(), 'hotwords-splits-'));
    const places = readFileSync(`${SHARED_DATA}tipdm2020-messages/userdict_places_ns.txt`, 'utf8')
      .split('\n')
      .map((l) => l.split(/\s+/)[0])
      .filter((w) => w !== undefined && w !== '');
    writeFileSync(join(folder, 'weak.dict.txt'), places.map((w) => `${w} 1 ns\n`).join(''));
    const corpus = await readCorpus([MESSAGES_CSV], { map: MESSAGES_MAP });
    texts = corpus.records.map((r) => ({ id: r.id, text: recordText(r) }));
  }, 60_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.each(SEGMENTER_BACKENDS)(
    'are those found by cutting every text whole (%s)',
    (backend) => {
      const lexicon = loadLexicon({ dicts: [join(folder, 'weak.dict.txt')], noBundled: true }, []);
      const segmenter = createSegmenter({ backend, userWords: lexicon.userWords });
      const found = findSplitTerms(texts, segmenter, lexicon);
      const truth = splitsOfWholeTexts(texts, segmenter, lexicon);
      expect(truth.length).toBeGreaterThan(0);
      expect(found.map(({ term, occurrences, split, pieces, exampleId }) => ({ term, occurrences, split, pieces, exampleId }))).toEqual(
        truth,
      );
      for (const s of found) expect(s.example).toContain(`【${s.term}】`);
    },
    120_000,
  );
});
