import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { dictionaryGateOf, refusedTopicNames } from '../../src/score/analyse-corpus.ts';
import { topicsOfScope } from '../../src/score/topics.ts';
import { loadBackgroundIdf } from '../../src/segment/background-idf.ts';
import { loadCivicBackground } from '../../src/segment/civic-background.ts';
import { createSegmenter } from '../../src/segment/create-segmenter.ts';
import { loadLexicon } from '../../src/segment/lexicon.ts';
import { loadTagFixes, loadTitleFrames } from '../../src/segment/title-frames.ts';
import { topicDocumentsOf } from '../topic-documents.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) => join(import.meta.dirname, '../../data/sample', f));
const SEED = 'hotwords';

describe('topic names', () => {
  it('on the bundled sample: no word the gate refuses names a topic, and the clustering is the one without the rule', async () => {
    const corpus = await readCorpus(SAMPLE);
    const docs = await topicDocumentsOf(corpus.records);
    const lexicon = loadLexicon({}, []);
    const segmenter = createSegmenter({ backend: 'node-rs', userWords: lexicon.userWords });
    const dictionaries = {
      backgroundIdf: loadBackgroundIdf(),
      civic: loadCivicBackground(),
      titleFrames: loadTitleFrames(),
      tagFixes: loadTagFixes(),
    };
    const refused = refusedTopicNames(docs, dictionaryGateOf(lexicon, segmenter, dictionaries));
    // what an analyst strikes from a topic's name: generic in civic text, a place word, a generic verb
    for (const w of ['服务', '发展', '企业', '建设', '周边', '管理', '设施']) expect(refused, w).toContain(w);
    for (const w of ['加装电梯', '停车难', '老年助餐', '垃圾分类', '盲道']) expect(refused, w).not.toContain(w);
    const scope = { category: null, year: null };
    const plain = topicsOfScope(scope, docs, 1, { seed: SEED });
    const named = topicsOfScope(scope, docs, 1, { seed: SEED }, refused);
    // without the rule the names carry them (服务·发展·企业 led the sample's first topic)
    expect(plain.topics.flatMap((t) => t.terms).filter((w) => refused.has(w)).length).toBeGreaterThan(5);
    expect(named.topics.flatMap((t) => t.terms).filter((w) => refused.has(w))).toEqual([]);
    for (const t of named.topics.filter((t) => !t.outlier)) {
      expect(t.terms).toHaveLength(10);
      expect(t.label).toBe(t.terms.slice(0, 3).join('·'));
    }
    // the same groups of suggestions, and the same k
    expect(named.assignments).toEqual(plain.assignments);
    expect(named.note).toEqual(plain.note);
    expect(named.topics.map((t) => t.size)).toEqual(plain.topics.map((t) => t.size));
  });

  it('drops the words the analyst curated away from the names too', async () => {
    const corpus = await readCorpus(SAMPLE);
    const docs = await topicDocumentsOf(corpus.records);
    const lexicon = loadLexicon({}, []);
    const segmenter = createSegmenter({ backend: 'node-rs', userWords: lexicon.userWords });
    const gate = dictionaryGateOf(lexicon, segmenter, {
      backgroundIdf: loadBackgroundIdf(),
      civic: loadCivicBackground(),
      titleFrames: loadTitleFrames(),
      tagFixes: loadTagFixes(),
    });
    const refused = refusedTopicNames(docs, gate, new Set(['加装电梯']));
    expect(refused).toContain('加装电梯');
    const named = topicsOfScope({ category: null, year: null }, docs, 1, { seed: SEED }, refused);
    expect(named.topics.flatMap((t) => t.terms)).not.toContain('加装电梯');
  });
});
