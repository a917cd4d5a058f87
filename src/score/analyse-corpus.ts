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
import { seededRandom } from '../matrix/seeded-random.ts';
import { compareScopes } from './scopes.ts';
import type { CountTable } from '../matrix/count-table.ts';
import { TableCounts, tableViews } from '../matrix/table-counts.ts';
import { countTable } from '../matrix/table-of-maps.ts';
import { recordText } from '../segment/document-terms.ts';
import { gapExclusion } from '../segment/gap-filter.ts';
import type { Lexicon } from '../segment/lexicon.ts';
import type { Segmenter } from '../segment/segmenter.ts';
import { fixedTagger } from '../segment/tagger.ts';
import type { SplitTerm } from '../segment/split-terms.ts';
import { findSplitTerms } from '../segment/split-terms.ts';
import type { CivicBackground } from '../segment/civic-background.ts';
import type { TitleFrames } from '../segment/title-frames.ts';
import type { DocumentKeyword } from './document-keywords.ts';
import { documentKeywords } from './document-keywords.ts';
import type { DocumentThemes, ThemeFamily } from './themes.ts';
import { themeFamilies, titleThemes } from './themes.ts';
import type { DictionaryVerdict } from './word-gate.ts';
import { characterCohesion, dictionaryGate, withCorpusEvidence } from './word-gate.ts';
import { withInsideWords } from './inside-words.ts';
import { backgroundSpecificity, blendedIdf } from './tfidf.ts';
import type { WordTable } from '../segment/word-table.ts';

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
  /** Theme families per scope (from the suggestions' titles). */
  themes: ThemeFamily[];
  /** Each suggestion's own themes and top words. */
  documentKeywords: DocumentKeyword[];
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
  backgroundIdf: WordTable;
  /** Words the analyst's curation drops from every list (dictionary-files.ts, readCuration). */
  dropped?: ReadonlySet<string>;
  /** How common words are in civic language (the word gate's genericness). */
  civic: CivicBackground;
  /** The frame around a theme in a title. */
  titleFrames: TitleFrames;
  /** Tags used instead of jieba's (dictionaries/tag-fixes.txt). */
  tagFixes: ReadonlyMap<string, string>;
  /** The word gate's verdicts from these dictionaries, when the caller made them already (dictionaryGateOf). */
  dictionaryGate?: (term: string) => DictionaryVerdict;
  /** Hot words kept per scope; the first `evidenceTop` get their suggestions listed. */
  keywordsPerScope: number;
  evidenceTop: number;
  /** Search for words the dictionaries lack. */
  dictionaryGaps: boolean;
  /** Topic settings; null skips topics. */
  topics: TopicOptions | null;
  /** Stage timer: runs `f` and records its seconds under `stage`. */
  time: <T>(stage: string, f: () => T) => T;
}

/** The scopes topics are found for, in the order their ids are given: the whole corpus, categories, years, then category × year. */
export function topicScopeOrder(scopes: readonly Scope[]): Scope[] {
  return [...scopes].sort((a, b) => rankScope(a) - rankScope(b) || compareScopes(a, b));
}

/**
 * The words of the documents that may not name a topic: those the word gate refuses from the
 * dictionaries alone (dictionaryGate: 服务 发展 周边 设施), and those the analyst's curation
 * drops. Single characters are left out: they never name one (term-index.ts isWordy).
 */
export function refusedTopicNames(
  docs: readonly TermDocument[],
  gate: (term: string) => DictionaryVerdict,
  dropped: ReadonlySet<string> = new Set(),
): Set<string> {
  const refused = new Set<string>();
  const judge = (term: string): void => {
    if ([...term].length < 2) return;
    const v = gate(term);
    if ((v !== null && v !== 'coined') || dropped.has(term)) refused.add(term);
  };
  // the documents' terms: those of a count table's views marked by number (a run's documents are
  // views of one table: a mark per entry, not a string per mention), the others once by key (the
  // gate keeps its verdicts, so a term met twice is judged the same)
  const marks = new Map<CountTable, Uint8Array>();
  const seen = new Set<string>();
  for (const d of docs) {
    if (d.terms instanceof TableCounts) {
      const { table, index } = d.terms;
      let marked = marks.get(table);
      if (marked === undefined) marks.set(table, (marked = new Uint8Array(table.vocab.length)));
      for (let e = table.starts[index]!; e < table.starts[index + 1]!; e++) marked[table.ids[e]!] = 1;
      continue;
    }
    for (const term of d.terms.keys()) {
      if (seen.has(term)) continue;
      seen.add(term);
      judge(term);
    }
  }
  for (const [table, marked] of marks)
    marked.forEach((m, id) => {
      if (m === 1) judge(table.vocab[id]!);
    });
  return refused;
}

/** The word gate's verdicts from the dictionaries (word-gate.ts dictionaryGate), as a run's scoring uses them. */
export function dictionaryGateOf(
  lexicon: Lexicon,
  segmenter: Segmenter,
  options: Pick<AnalyseOptions, 'backgroundIdf' | 'civic' | 'titleFrames' | 'tagFixes'>,
): (term: string) => DictionaryVerdict {
  return dictionaryGate({
    tag: fixedTagger(segmenter, options.tagFixes),
    backgroundIdf: options.backgroundIdf,
    civic: options.civic,
    entered: (t) => lexicon.entered.has(t),
    genericHeads: options.titleFrames.generic,
  });
}

/** What topic clustering needs of each document. */
export function topicDocuments(documents: readonly CountedDocument[]): (TermDocument & { id: string; title: string })[] {
  return documents.map((d) => ({
    id: d.record.id,
    title: d.record.title,
    category: d.record.category,
    year: d.record.year,
    terms: d.terms,
  }));
}

/** jieba IDF a title's single word needs to be a theme on its own (unless a dictionary has it): 盲道 and 群租 do, 宣传 and 家庭 do not. */
const THEME_WORD_IDF = 7;

/** jieba IDF a word needs to name a family of themes: 停车 (8.1) and 电梯 (8.9) do, 小区 (7.5) and 学校 (5.7) do not. */
const FAMILY_KEY_IDF = 8;

/** Characters the word gate reads for the cohesion of a coined token's longer pieces, at most. */
const COHESION_CHARACTERS = 300_000;

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
  // a seed of its own, not the run's: another cloud layout (--seed) never changes the dictionary candidates
  const random = seededRandom('dictionary-gaps');
  return texts.filter(() => random() < GAP_CHARACTERS / total);
}

/** Score a corpus: phrases, hot words, trends, evidence, distribution, dictionary gaps. */
export function analyseCorpus(
  documents: readonly CountedDocument[],
  lexicon: Lexicon,
  segmenter: Segmenter,
  options: AnalyseOptions,
): CorpusAnalysis {
  const { time } = options;
  // the word gate's verdicts from the dictionaries: the hot words' gate and the topics' names
  const dictionary = options.dictionaryGate ?? dictionaryGateOf(lexicon, segmenter, options);
  const scored = time('score', () => {
    // the documents' counts as tables in this order (copied rows when they are views of the segment stage's tables)
    const pairTable = countTable(documents.map((d) => ({ terms: d.pairs })));
    const phrases = findPhrases(pairTable);
    const termTable = withPhrases(countTable(documents), pairTable, phrases);
    const withPhraseTerms = tableViews(termTable);
    const tag = fixedTagger(segmenter, options.tagFixes);
    const cutPhrase = cachedBy((p) => segmenter.cut(p));
    const totals = termTotals(termTable);
    const gate = time('word-gate', () => corpusGate(documents, totals, dictionary));
    // the analyst's curation drops a word from every list as the gate does
    const passes = (term: string): boolean => gate(term) === null && !(options.dropped?.has(term) ?? false);
    // a title's single word is a theme only if it is specific in general Chinese (盲道, 群租; not 宣传,
    // 家庭), or a word of the civic or the analyst's dictionaries, entered as a term of this domain
    // (中小企业, whose jieba IDF is 6.8, was no theme of 关于支持中小企业复工复产的建议)
    const standsAlone = (term: string): boolean =>
      (options.backgroundIdf.get(term) ?? Infinity) >= THEME_WORD_IDF || lexicon.entered.has(term);
    // a token no dictionary knows is a word if the corpus shows it is (the gate) or civic language has it
    const known = (term: string): boolean => passes(term) || (options.civic.df.get(term) ?? 0) > 0 || options.civic.known.has(term);
    const themesOf: DocumentThemes[] = time('title-themes', () =>
      documents.map((d) => titleThemes(d.record.title, d.record.text, tag, options.titleFrames, lexicon, passes, standsAlone, known)),
    );
    // hot words count a word also where it stands inside a longer one (客运 in 客运市场), as a reader sees it
    // (not inside a synonym's canonical form, whose text may spell it otherwise, nor inside a phrase,
    // whose pieces are counted as the tokens they are)
    const folded = new Set([...lexicon.synonyms.values(), ...phrases.map((p) => p.term)]);
    const readerTerms = tableViews(withInsideWords(termTable, totals.index, (t) => folded.has(t)));
    const scoring = documents.map((d, i) => ({
      category: d.record.category,
      year: d.record.year,
      terms: readerTerms[i]!,
      ownTerms: withPhraseTerms[i]!,
      titleTerms: themesOf[i]!.titleTerms,
    }));
    const hot = hotWords(scoring, {
      backgroundIdf: options.backgroundIdf,
      civic: options.civic,
      limit: options.keywordsPerScope,
      gate: passes,
    });
    const specificity = backgroundSpecificity(options.backgroundIdf, documents.length);
    const themes = time('themes', () =>
      themeFamilies(
        documents.map((d, i) => ({
          id: d.record.id,
          category: d.record.category,
          year: d.record.year,
          phrases: themesOf[i]!.phrases,
          mentions: themesOf[i]!.mentions,
        })),
        {
          specificity,
          // a family is named by a word specific enough to name a theme (停车, 电梯; not 小区 or 学校; the
          // gate refuses the frames' generic heads), and never by whom themes are for (老年助餐 and
          // 老年人住院 are two themes, not one of 老年)
          isKey: (t) => passes(t) && !options.titleFrames.people.has(t) && (options.backgroundIdf.get(t) ?? Infinity) >= FAMILY_KEY_IDF,
          tokens: cutPhrase,
          subWords: cachedBy((p) => segmenter.subWords(p)),
        },
      ),
    );
    // the hot words' blended IDF, over the corpus's own document frequencies
    const idf = blendedIdf(new Map(Array.from(totals.df, (n, id) => [termTable.vocab[id]!, n])), documents.length, options.backgroundIdf);
    const ownKeywords = time('own-keywords', () =>
      documentKeywords(
        documents.map((d, i) => ({ id: d.record.id, themes: themesOf[i]! })),
        termTable,
        { idf, passes, tokens: cutPhrase },
      ),
    );
    const tracked = new Map<string | null, Set<string>>();
    for (const k of hot.keywords) (tracked.get(k.category) ?? tracked.set(k.category, new Set()).get(k.category)!).add(k.term);
    const yearly = time('trends', () => trends(scoring, { track: tracked, gate: passes }));
    const aliases = new Map<string, string[]>();
    for (const [alias, canonical] of lexicon.synonyms) aliases.set(canonical, [...(aliases.get(canonical) ?? []), alias]);
    const evidenceTop = options.evidenceTop;
    const evidence = time('evidence', () =>
      keywordEvidence(
        hot.keywords.filter((k) => k.rank <= evidenceTop),
        documents.map((d, i) => ({
          id: d.record.id,
          category: d.record.category,
          year: d.record.year,
          text: () => recordText(d.record),
          terms: scoring[i]!.terms,
        })),
        (term) => [term, ...(aliases.get(term) ?? [])],
      ),
    );
    return { phrases, hot, themes, ownKeywords, yearly, evidence, distribution: distribution(documents.map((d) => d.record)) };
  });
  const gaps = time('dictionary-gaps', () => {
    if (!options.dictionaryGaps) return { candidates: [], splits: [] };
    const texts = gapSample(documents.map((d) => ({ id: d.record.id, text: recordText(d.record) })));
    return {
      candidates: findDictionaryGaps(texts, gapExclusion(lexicon, segmenter), { limit: 200 }),
      splits: findSplitTerms(texts, segmenter, lexicon),
    };
  });
  const topics = time('topics', () => {
    if (options.topics === null) return { topics: [], assignments: [], notes: [] };
    const docs = topicDocuments(documents);
    const refused = refusedTopicNames(docs, dictionary, options.dropped);
    return topicsOfScopes(topicScopeOrder(scored.hot.scopes), docs, options.topics, refused);
  });
  return {
    topics: topics.topics,
    documentTopics: topics.assignments,
    topicScopes: topics.notes,
    scopes: scored.hot.scopes,
    keywords: scored.hot.keywords,
    themes: scored.themes,
    documentKeywords: scored.ownKeywords,
    phrases: scored.phrases,
    evidence: scored.evidence,
    trends: scored.yearly.trends,
    emerging: scored.yearly.emerging,
    distribution: scored.distribution,
    dictionaryCandidates: gaps.candidates,
    dictionarySplits: gaps.splits,
  };
}

/** Each term's suggestions and occurrences in a table, by term number, and the numbers by term. */
interface TermTotals {
  index: Map<string, number>;
  df: Int32Array;
  tf: Float64Array;
}

function termTotals(table: CountTable): TermTotals {
  const df = new Int32Array(table.vocab.length);
  const tf = new Float64Array(table.vocab.length);
  for (let e = 0; e < table.ids.length; e++) {
    df[table.ids[e]!]!++;
    tf[table.ids[e]!]! += table.counts[e]!;
  }
  return { index: new Map(table.vocab.map((t, i) => [t, i])), df, tf };
}

/**
 * The word gate of this corpus (word-gate.ts): the dictionaries' verdicts
 * (dictionaryGateOf), and the corpus's own counts and text for tokens the HMM
 * coined.
 */
function corpusGate(documents: readonly CountedDocument[], totals: TermTotals, dictionary: (term: string) => DictionaryVerdict) {
  const { index, df, tf } = totals;
  // the texts one at a time (at 100 MB, all of them at once would be a few hundred MB)
  const texts = function* (): Generator<string> {
    for (const d of documents) yield recordText(d.record);
  };
  let sample = '';
  for (const t of texts()) {
    if (sample.length >= COHESION_CHARACTERS) break;
    sample += `${t}\n`;
  }
  return withCorpusEvidence(dictionary, {
    cohesion: characterCohesion(texts(), (t) => tf[index.get(t) ?? -1] ?? 0, sample),
    corpusDocs: (t) => df[index.get(t) ?? -1] ?? 0,
  });
}

/** `f` with its results kept by argument (a phrase is cut once, not once per scope). */
function cachedBy<T>(f: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = f(s);
      cache.set(s, v);
    }
    return v;
  };
}

/** Scope order for topic ids: the whole corpus, each year, each category, then category × year. */
function rankScope(s: { category: string | null; year: number | null }): number {
  return (s.category === null ? 0 : 2) + (s.year === null ? 0 : 1);
}
