import type { CorpusAnalysis, CountedDocument } from '../score/analyse-corpus.ts';
import type { DistributionRow } from '../score/distribution.ts';
import { UNFILLED } from '../score/distribution.ts';
import { compareIds } from '../corpus/record.ts';
import { cloudKeywords } from '../score/hot-words.ts';
import { cloudWordValue, cloudWords } from '../score/cloud-words.ts';

/** The D3-ready JSON files of `out/json/`, by file name. Each has a schema in docs/schemas/. */
export interface JsonExports {
  'wordclouds.json': unknown;
  'distribution.json': unknown;
  'trends.json': unknown;
  'topics.json': unknown;
  'evidence.json': unknown;
}

/** Words per cloud: the top of each scope's ranking. */
const CLOUD_WORDS = 50;
/** Theme families per scope in the JSON. */
const THEMES = 20;
/** Words in each co-occurrence network. */
const NETWORK_WORDS = 30;
/** Results that count as adopted (解决采纳率). */
const ADOPTED = '解决采纳';

/** Round for JSON: 4 decimals, so output is stable across platforms. */
export function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/**
 * Build every JSON export from a run's documents and analysis. Pure: the
 * same input gives the same objects, keys in a fixed order, floats rounded.
 */
export function buildJsonExports(docs: readonly CountedDocument[], a: CorpusAnalysis, sources: readonly string[]): JsonExports {
  return {
    'wordclouds.json': wordclouds(a, sources),
    'distribution.json': distributionJson(a.distribution),
    'trends.json': trendsJson(a),
    'topics.json': topicsJson(docs, a),
    'evidence.json': evidenceJson(docs, a),
  };
}

function wordclouds(a: CorpusAnalysis, sources: readonly string[]): unknown {
  return {
    sources: [...sources],
    scopes: a.scopes.map((s) => {
      const words = cloudKeywords(a.keywords, s, CLOUD_WORDS);
      const value = cloudWordValue(a.themes, s);
      return {
        category: s.category,
        year: s.year,
        documents: s.documents,
        words: words.map((k) => ({
          text: k.term,
          value: value(k),
          docs: k.docs,
          titleDocs: k.titleDocs,
          freq: k.freq,
          rank: k.rank,
          score: round4(k.score),
          share: round4(k.share),
          significant: k.significant,
        })),
        cloud: cloudWords(words, a.themes, s, CLOUD_WORDS),
        themes: a.themes
          .filter((t) => t.category === s.category && t.year === s.year && t.rank <= THEMES)
          .map((t) => ({
            theme: t.theme,
            members: t.members.map((m) => ({ phrase: m.phrase, docs: m.docs })),
            docs: t.docs,
            rank: t.rank,
            score: round4(t.score),
            examples: [...t.examples],
          })),
      };
    }),
  };
}

function distributionJson(rows: readonly DistributionRow[]): unknown {
  const years = [...new Set(rows.map((r) => r.year))];
  const block = (year: number | null) => {
    const of = (dimension: DistributionRow['dimension']) =>
      rows
        .filter((r) => r.year === year && r.dimension === dimension)
        .map((r) => ({ value: r.value, documents: r.documents, share: round4(r.share), percent: r.percent }));
    const disclosed = of('disclosed');
    const documents = disclosed.reduce((n, r) => n + r.documents, 0);
    const yes = disclosed.find((r) => r.value === '是')?.documents ?? 0;
    const adopted = of('result').find((r) => r.value === ADOPTED)?.documents ?? 0;
    // a field the data lack is no data (null, or no rows), never 0% disclosed or 未填 100%
    const filled = (dimension: DistributionRow['dimension']) => of(dimension).some((r) => r.value !== UNFILLED);
    return {
      year,
      documents,
      byCategory: of('category'),
      byResult: filled('result') ? of('result') : [],
      byUnit: filled('unit') ? of('unit') : [],
      disclosure: filled('disclosed') ? { disclosed: yes, rate: percent2(yes, documents) } : null,
      adoption: filled('result') ? { adopted, rate: percent2(adopted, documents) } : null,
    };
  };
  const blocks = years
    .filter((y): y is number => y !== null)
    .sort((x, y) => x - y)
    .map(block);
  const withChanges = blocks.map((b, i) => {
    const prev = i > 0 ? blocks[i - 1]! : null;
    const pp = (now: number | undefined, before: number | undefined): number | null =>
      now === undefined || before === undefined ? null : round4(now - before);
    return {
      ...b,
      change:
        prev === null
          ? null
          : {
              fromYear: prev.year,
              documents: b.documents - prev.documents,
              /** percentage points, as in 较2020年提高5.13个百分点 */
              disclosureRate: pp(b.disclosure?.rate, prev.disclosure?.rate),
              adoptionRate: pp(b.adoption?.rate, prev.adoption?.rate),
              categoryPercent: b.byCategory.map((c) => ({
                value: c.value,
                points: pp(c.percent, prev.byCategory.find((x) => x.value === c.value)?.percent ?? 0),
              })),
            },
    };
  });
  return { years: withChanges, all: block(null) };
}

function percent2(n: number, d: number): number {
  return d === 0 ? 0 : Math.round((n / d) * 10000) / 100;
}

function trendsJson(a: CorpusAnalysis): unknown {
  const series = new Map<string, { category: string | null; term: string; points: unknown[] }>();
  for (const t of a.trends) {
    const key = `${t.category ?? ''}\u0001${t.term}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { category: t.category, term: t.term, points: [] }));
    s.points.push({ year: t.year, docs: t.docs, share: round4(t.share), status: t.status });
  }
  return {
    years: [...new Set(a.trends.map((t) => t.year))].sort((x, y) => x - y),
    series: [...series.values()],
    emerging: a.emerging.map((e) => ({
      category: e.category,
      year: e.year,
      term: e.term,
      rank: e.rank,
      score: round4(e.score),
      z: round4(e.z),
      docs: e.docs,
      status: e.status,
    })),
  };
}

/**
 * What a topic is called aloud: a theme phrase of its scope of three or more characters among its
 * three top terms (加装电梯, 老旧小区), else the first of its terms that its scope lists as a hot
 * word (the word gate has passed it: not 周边 or 建设), else its top term (a two-character theme
 * lower down, 公厕 under 企业 and 发展, named topics it did not fit); the outlier group keeps its label.
 */
function topicName(t: CorpusAnalysis['topics'][number], a: Pick<CorpusAnalysis, 'themes' | 'keywords'>): string {
  if (t.outlier) return t.label;
  const inScope = (x: { category: string | null; year: number | null }): boolean => x.category === t.category && x.year === t.year;
  const named = new Set(a.themes.filter(inScope).flatMap((f) => [f.theme, ...f.members.map((m) => m.phrase)]));
  const listed = new Set(a.keywords.filter(inScope).map((k) => k.term));
  return (
    t.terms.slice(0, 3).find((term) => named.has(term) && [...term].length >= 3) ??
    t.terms.find((term) => listed.has(term)) ??
    t.terms[0] ??
    t.label
  );
}

function topicsJson(docs: readonly CountedDocument[], a: CorpusAnalysis): unknown {
  const titleOf = new Map(docs.map((d) => [d.record.id, d.record.title]));
  const categories = a.scopes.filter((s) => s.year === null).map((s) => s.category);
  const topicsOf = (category: string | null, year: number | null) =>
    a.topics.filter((t) => t.category === category && t.year === year && !t.outlier);
  // a network for every scope (category × year), so the report's network follows the year shown
  const networks = a.scopes.map(({ category, year }) => {
    const words = a.keywords.filter((k) => k.category === category && k.year === year && k.rank <= NETWORK_WORDS);
    const scopeTopics = topicsOf(category, year);
    // a word's community: the topic of its scope whose top terms rank it highest
    const community = (term: string): number | null => {
      let best: { id: number; at: number } | null = null;
      for (const t of scopeTopics) {
        const at = t.terms.indexOf(term);
        if (at >= 0 && (best === null || at < best.at)) best = { id: t.topicId, at };
      }
      return best?.id ?? null;
    };
    const index = new Map(words.map((w, i) => [w.term, i]));
    const together = new Map<string, number>();
    for (const d of docs) {
      if ((category !== null && d.record.category !== category) || (year !== null && d.record.year !== year)) continue;
      const present = words.filter((w) => d.terms.has(w.term)).map((w) => index.get(w.term)!);
      for (let i = 0; i < present.length; i++)
        for (let j = i + 1; j < present.length; j++) {
          const key = `${present[i]}-${present[j]}`;
          together.set(key, (together.get(key) ?? 0) + 1);
        }
    }
    const links = [...together]
      .filter(([, n]) => n >= 2)
      .map(([key, n]) => {
        const [i, j] = key.split('-').map(Number) as [number, number];
        return { source: words[i]!.term, target: words[j]!.term, docs: n, strength: round4(n / (words[i]!.docs + words[j]!.docs - n)) };
      })
      .sort((x, y) => y.docs - x.docs || (x.source + x.target < y.source + y.target ? -1 : 1));
    return { category, year, nodes: words.map((w) => ({ id: w.term, docs: w.docs, rank: w.rank, community: community(w.term) })), links };
  });
  const topicNode = (t: CorpusAnalysis['topics'][number]) => ({
    name: t.label,
    topicId: t.topicId,
    value: t.size,
    children: t.terms.slice(0, 8).map((term) => ({ name: term })),
  });
  return {
    hierarchy: {
      name: '全部',
      children: categories
        .filter((c) => c !== null)
        .map((category) => ({
          name: category,
          documents: a.scopes.find((s) => s.category === category && s.year === null)!.documents,
          children:
            topicsOf(category, null).length > 0
              ? topicsOf(category, null).map(topicNode)
              : a.keywords
                  .filter((k) => k.category === category && k.year === null && k.rank <= 10)
                  .map((k) => ({ name: k.term, value: k.docs })),
        })),
    },
    topics: a.topics.map((t) => ({
      topicId: t.topicId,
      category: t.category,
      year: t.year,
      label: t.label,
      name: topicName(t, a),
      size: t.size,
      terms: t.terms,
      coherence: t.coherence,
      representative: t.representative,
      titles: t.representative.map((id) => titleOf.get(id) ?? id),
      outlier: t.outlier,
    })),
    scopes: a.topicScopes.map((n) => ({ category: n.category, year: n.year, documents: n.documents, k: n.k, note: n.note })),
    networks,
  };
}

/** Suggestions evidence.json lists for a word of a scope, most occurrences first (its `total` counts them all). */
export const EVIDENCE_LISTED = 100;

function evidenceJson(docs: readonly CountedDocument[], a: CorpusAnalysis): unknown {
  const used = new Set<string>();
  for (const e of a.evidence) for (const d of e.documents.slice(0, EVIDENCE_LISTED)) used.add(d.id);
  const documents: Record<string, unknown> = {};
  for (const d of [...docs].sort((x, y) => compareIds(x.record.id, y.record.id))) {
    if (!used.has(d.record.id)) continue;
    const r = d.record;
    documents[r.id] = { title: r.title, category: r.category, year: r.year, unit: r.unit, result: r.result };
  }
  // the analysis's own rows (id, count, passage): the passages of the first suggestions of a word
  // (evidence.ts); the rest are listed with id and count: a passage for every one made this file
  // 166 MB at 100 MB of input. At most EVIDENCE_LISTED of them, with the total: listing them all
  // made a 572 MB file of 300,000 short rows that JSON.parse cannot read (the database's
  // keyword_documents keeps every one)
  const words = a.evidence.map((e) => ({
    category: e.category,
    year: e.year,
    term: e.term,
    total: e.documents.length,
    documents: e.documents.length > EVIDENCE_LISTED ? e.documents.slice(0, EVIDENCE_LISTED) : e.documents,
  }));
  return { documents, words };
}
