import type { SuggestionRecord } from '../corpus/record.ts';
import type { DictionaryCandidate } from './dictionary-gaps.ts';
import { findDictionaryGaps } from './dictionary-gaps.ts';
import type { DistributionRow } from './distribution.ts';
import { distribution } from './distribution.ts';
import type { KeywordEvidence } from './evidence.ts';
import { keywordEvidence } from './evidence.ts';
import type { Keyword, ScopeSize } from './hot-words.ts';
import { hotWords } from './hot-words.ts';
import type { Phrase } from './phrases.ts';
import { findPhrases, withPhrases } from './phrases.ts';
import type { EmergingTerm, TermTrend } from './trends.ts';
import { trends } from './trends.ts';
import type { DocumentTopic, Topic, TopicOptions, TopicScopeNote } from './topics.ts';
import { topicsOfScopes } from './topics.ts';
import type { TermDocument } from './scope-counts.ts';
import type { Scope } from './scopes.ts';
import { seededRandom } from './seeded-random.ts';
import { compareScopes } from './scopes.ts';
import { countTable, tableViews } from '../segment/count-table.ts';
import { recordText } from '../segment/document-terms.ts';
import { gapExclusion } from '../segment/gap-filter.ts';
import type { Lexicon } from '../segment/lexicon.ts';
import type { Segmenter } from '../segment/segmenter.ts';
import type { SplitTerm } from '../segment/split-terms.ts';
import { findSplitTerms } from '../segment/split-terms.ts';

/** A document ready for scoring: the record and its counts from the segment stage. */
export interface CountedDocument {
  record: SuggestionRecord;
  terms: ReadonlyMap<string, number>;
  pairs: ReadonlyMap<string, number>;
}

/** Every statistic derived from the documents; recomputed in full on each run. */
export interface CorpusAnalysis {
  scopes: ScopeSize[];
  keywords: Keyword[];
  phrases: Phrase[];
  evidence: KeywordEvidence[];
  trends: TermTrend[];
  emerging: EmergingTerm[];
  distribution: DistributionRow[];
  dictionaryCandidates: DictionaryCandidate[];
  dictionarySplits: SplitTerm[];
  topics: Topic[];
  documentTopics: DocumentTopic[];
  topicScopes: TopicScopeNote[];
}

export interface AnalyseOptions {
  backgroundIdf: ReadonlyMap<string, number>;
  keywordsPerScope?: number;
  evidenceTop?: number;
  noDictGaps?: boolean;
  /** Topic settings; null skips topics. */
  topics?: TopicOptions | null;
  /** Stage timer: runs `f` and records its seconds under `stage`. */
  time: <T>(stage: string, f: () => T) => T;
}

/** The scopes topics are found for, in the order their ids are given: the whole corpus, categories, years, then category × year. */
export function topicScopeOrder(scopes: readonly Scope[]): Scope[] {
  return [...scopes].sort((a, b) => rankScope(a) - rankScope(b) || compareScopes(a, b));
}

/** What topic clustering needs of each document. */
export function topicDocuments(documents: readonly CountedDocument[]): (TermDocument & { id: string; title: string })[] {
  return documents.map((d) => ({ id: d.record.id, title: d.record.title, category: d.record.category, year: d.record.year, terms: d.terms }));
}

/** Characters the dictionary-gap search reads at most (its n-gram tables grow with the text). */
const GAP_CHARACTERS = 4_000_000;

/**
 * The texts the dictionary-gap search reads: all of them up to 4 million
 * characters (the labelled messages have 1 million); beyond that a seeded
 * sample of whole suggestions, in id order, of about that many characters.
 * A word frequent enough to matter shows in the sample too.
 */
function gapSample<T extends { text: string }>(texts: readonly T[]): T[] {
  const total = texts.reduce((a, t) => a + t.text.length, 0);
  if (total <= GAP_CHARACTERS) return [...texts];
  const random = seededRandom('dictionary-gaps');
  return texts.filter(() => random() < GAP_CHARACTERS / total);
}

/** Score a corpus: phrases, hot words, trends, evidence, distribution, dictionary gaps. */
export function analyseCorpus(documents: readonly CountedDocument[], lexicon: Lexicon, segmenter: Segmenter, options: AnalyseOptions): CorpusAnalysis {
  const { time } = options;
  const scored = time('score', () => {
    // the documents' counts as tables in this order (copied rows when they are views of the segment stage's tables)
    const pairTable = countTable(documents.map((d) => ({ terms: d.pairs })));
    const phrases = findPhrases(pairTable);
    const withPhraseTerms = tableViews(withPhrases(countTable(documents), pairTable, phrases));
    const scoring = documents.map((d, i) => ({ category: d.record.category, year: d.record.year, terms: withPhraseTerms[i]! }));
    const hot = hotWords(scoring, { backgroundIdf: options.backgroundIdf, limit: options.keywordsPerScope ?? 100 });
    const tracked = new Set(hot.keywords.map((k) => `${k.category ?? ''}\u0001${k.term}`));
    const yearly = trends(scoring, { track: (category, term) => tracked.has(`${category ?? ''}\u0001${term}`) });
    const aliases = new Map<string, string[]>();
    for (const [alias, canonical] of lexicon.synonyms) aliases.set(canonical, [...(aliases.get(canonical) ?? []), alias]);
    const evidenceTop = options.evidenceTop ?? 50;
    const evidence = keywordEvidence(
      hot.keywords.filter((k) => k.rank <= evidenceTop),
      documents.map((d, i) => ({ id: d.record.id, category: d.record.category, year: d.record.year, text: () => recordText(d.record), terms: scoring[i]!.terms })),
      (term) => [term, ...(aliases.get(term) ?? [])],
    );
    return { phrases, hot, yearly, evidence, distribution: distribution(documents.map((d) => d.record)) };
  });
  const gaps = time('dictionary-gaps', () => {
    if (options.noDictGaps) return { candidates: [], splits: [] };
    const texts = gapSample(documents.map((d) => ({ id: d.record.id, text: recordText(d.record) })));
    return { candidates: findDictionaryGaps(texts, gapExclusion(lexicon, segmenter), { limit: 200 }), splits: findSplitTerms(texts, segmenter, lexicon) };
  });
  const topics = time('topics', () => {
    if (options.topics === null) return { topics: [], assignments: [], notes: [] };
    return topicsOfScopes(topicScopeOrder(scored.hot.scopes), topicDocuments(documents), options.topics ?? {});
  });
  return {
    topics: topics.topics,
    documentTopics: topics.assignments,
    topicScopes: topics.notes,
    scopes: scored.hot.scopes,
    keywords: scored.hot.keywords,
    phrases: scored.phrases,
    evidence: scored.evidence,
    trends: scored.yearly.trends,
    emerging: scored.yearly.emerging,
    distribution: scored.distribution,
    dictionaryCandidates: gaps.candidates,
    dictionarySplits: gaps.splits,
  };
}

/** Scope order for topic ids: the whole corpus, each year, each category, then category × year. */
function rankScope(s: { category: string | null; year: number | null }): number {
  return (s.category === null ? 0 : 2) + (s.year === null ? 0 : 1);
}
