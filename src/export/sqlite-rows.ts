import { basename } from 'node:path';
import type { SuggestionRecord } from '../corpus/record.ts';
import type { Topic, TopicScopeNote } from '../score/topics.ts';

/** A row of `documents` as SQLite returns it (docs/schema.md). */
export interface DocumentRow {
  id: string;
  title: string;
  text: string;
  category: string | null;
  year: number | null;
  session: string | null;
  date: string | null;
  unit: string | null;
  result: string | null;
  disclosed: 0 | 1 | null;
  source_file: string;
  /** Absent in a file not yet migrated to schema version 4. */
  sheet?: string | null;
  line: number;
  meta: string;
  pairs: string;
}

/** A row of `topics`. */
export interface TopicRow {
  topic_id: number;
  category: string | null;
  year: number | null;
  label: string;
  size: number;
  terms: string;
  coherence: number;
  representative: string;
  outlier: 0 | 1;
}

/** A row of `topic_scopes`. */
export interface TopicScopeRow {
  category: string | null;
  year: number | null;
  documents: number;
  k: number | null;
  note: string;
  coherence_by_k: string;
  /** Absent before schema version 6; null when the run did not record it. */
  content_hash?: string | null;
}

/** A stored suggestion as the record it was read as. */
export function recordOfRow(r: DocumentRow): SuggestionRecord {
  return {
    id: r.id,
    title: r.title,
    text: r.text,
    category: r.category,
    year: r.year,
    session: r.session,
    date: r.date,
    unit: r.unit,
    result: r.result,
    disclosed: r.disclosed === null ? null : r.disclosed === 1,
    meta: JSON.parse(r.meta) as Record<string, string>,
    origin: { file: r.source_file, ...(typeof r.sheet === 'string' ? { sheet: r.sheet } : {}), line: r.line },
  };
}

/** The values of a `documents` row for a record (its file name without folder) and its pairs' JSON, in DOCUMENT_COLUMNS order. */
export function documentValues(r: SuggestionRecord, fileName: string, pairsJson: string): unknown[] {
  const disclosed = r.disclosed === null ? null : r.disclosed ? 1 : 0;
  return [
    r.id,
    r.title,
    r.text,
    r.category,
    r.year,
    r.session,
    r.date,
    r.unit,
    r.result,
    disclosed,
    fileName,
    r.origin.sheet ?? null,
    r.origin.line,
    JSON.stringify(r.meta),
    pairsJson,
  ];
}

/**
 * Whether two records make the same `documents` row but for the pairs (which segmentation makes):
 * every field the row keeps, the file by its name. A record read again that makes its stored row
 * keeps its stored counts (run.ts).
 */
export function sameDocumentRow(a: SuggestionRecord, b: SuggestionRecord): boolean {
  const x = documentValues(a, basename(a.origin.file), '');
  const y = documentValues(b, basename(b.origin.file), '');
  return x.every((v, i) => v === y[i]);
}

/** The columns `documentValues` fills, in its order. */
export const DOCUMENT_COLUMNS = [
  'id',
  'title',
  'text',
  'category',
  'year',
  'session',
  'date',
  'unit',
  'result',
  'disclosed',
  'source_file',
  'sheet',
  'line',
  'meta',
  'pairs',
] as const;

export function topicOfRow(r: TopicRow): Topic {
  return {
    category: r.category,
    year: r.year,
    topicId: r.topic_id,
    label: r.label,
    size: r.size,
    terms: JSON.parse(r.terms) as string[],
    coherence: r.coherence,
    representative: JSON.parse(r.representative) as string[],
    outlier: r.outlier === 1,
  };
}

export function topicScopeOfRow(r: TopicScopeRow): TopicScopeNote {
  return {
    category: r.category,
    year: r.year,
    documents: r.documents,
    // the keys in the order topicsOfScope gives them
    coherenceByK: JSON.parse(r.coherence_by_k) as Record<number, number>,
    k: r.k,
    note: r.note,
  };
}
