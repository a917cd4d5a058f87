import Database from 'better-sqlite3';
import { environmentFailure } from '../diagnostics.ts';
import { CountTableBuilder } from '../matrix/table-builders.ts';
import { tableViews } from '../matrix/table-counts.ts';
import { compareIds } from '../corpus/record.ts';
import type { CorpusAnalysis, CountedDocument } from '../score/analyse-corpus.ts';
import type { StoredScopeTopics } from '../score/topic-reuse.ts';
import { scopeKey } from '../score/scopes.ts';
import type { DocumentTopic, ScopeTopics, Topic } from '../score/topics.ts';
import type { DocumentRow, TopicRow, TopicScopeRow } from './sqlite-rows.ts';
import { recordOfRow, topicOfRow, topicScopeOfRow } from './sqlite-rows.ts';

/**
 * What earlier runs stored, read back as a run's input: the suggestions with
 * their term and pair counts (never segmented again), the topics as stored,
 * and the dictionaries they were counted with. It only reads; `Store` writes.
 */
export class StoredCorpus {
  constructor(private readonly db: Database.Database) {}

  /** Read what the database at `path` holds, opened read-only for `read` alone. */
  static read<T>(path: string, read: (stored: StoredCorpus) => T): T {
    try {
      const db = new Database(path, { readonly: true, fileMustExist: true });
      try {
        return read(new StoredCorpus(db));
      } finally {
        db.close();
      }
    } catch (e) {
      // a file that is not a database, or one the user may not read, is named
      throw environmentFailure(e, path) ?? e;
    }
  }

  /**
   * Documents stored by earlier runs, with their counts as views of two count
   * tables (one copy of each term and pair, each document's entries in term
   * order, as the segment stage gives them); none in a new database.
   */
  documents(): CountedDocument[] {
    if (!this.hasTable('documents')) return [];
    const terms = new CountTableBuilder();
    const termRow = new Map<string, number>();
    // rows as arrays, a document's terms gathered side by side (a row object and a Map a
    // document made the reading about half garbage)
    let id: string | null = null;
    let keys: string[] = [];
    let counts: number[] = [];
    const flush = (): void => {
      if (id === null) return;
      termRow.set(id, terms.size);
      terms.addEntries(keys, counts);
      keys = [];
      counts = [];
    };
    const termRows = this.db
      .prepare<[], [string, string, number]>('SELECT document_id, term, count FROM document_terms ORDER BY document_id')
      .raw(true);
    for (const [doc, term, count] of termRows.iterate()) {
      if (doc !== id) {
        flush();
        id = doc;
      }
      keys.push(term);
      counts.push(count);
    }
    flush();
    const pairs = new CountTableBuilder();
    const records = [];
    for (const r of this.db.prepare<[], DocumentRow>('SELECT * FROM documents ORDER BY source_file, line, id').iterate()) {
      records.push(recordOfRow(r));
      pairs.add(new Map(JSON.parse(r.pairs) as [string, number][]));
    }
    const termViews = tableViews(terms.finish({ sortRows: true }));
    const pairViews = tableViews(pairs.finish({ sortRows: true }));
    return records.map((record, i) => {
      const row = termRow.get(record.id);
      return { record, terms: row === undefined ? new Map<string, number>() : termViews[row]!, pairs: pairViews[i]! };
    });
  }

  /**
   * The topics and topic scope notes the last run stored (its seed and topic count), as the
   * analysis holds them; none before topics were stored.
   */
  topics(): Pick<CorpusAnalysis, 'topics' | 'topicScopes'> {
    if (!this.hasTable('topics')) return { topics: [], topicScopes: [] };
    return {
      topics: this.db.prepare<[], TopicRow>('SELECT * FROM topics ORDER BY topic_id').all().map(topicOfRow),
      topicScopes: this.db.prepare<[], TopicScopeRow>('SELECT * FROM topic_scopes ORDER BY rowid').all().map(topicScopeOfRow),
    };
  }

  /**
   * The stored topics of every scope whose content hash the last run recorded,
   * by that hash, as topicsOfScope returns them: topic ids from 1, the
   * suggestions of each topic in id order (topic-reuse.ts).
   */
  topicsByHash(): StoredScopeTopics {
    const byHash = new Map<string, ScopeTopics>();
    if (!this.hasTable('topic_scopes') || !this.hasColumn('topic_scopes', 'content_hash')) return byHash;
    const topics = this.db.prepare<[], TopicRow>('SELECT * FROM topics ORDER BY topic_id').all().map(topicOfRow);
    const byScope = new Map<string, Topic[]>();
    for (const t of topics) {
      const key = scopeKey(t);
      const list = byScope.get(key);
      if (list) list.push(t);
      else byScope.set(key, [t]);
    }
    const assignments = new Map<number, DocumentTopic[]>();
    for (const r of this.db
      .prepare<[], { document_id: string; topic_id: number; weight: number }>('SELECT * FROM document_topics')
      .iterate()) {
      const list = assignments.get(r.topic_id);
      const a = { documentId: r.document_id, topicId: r.topic_id, weight: r.weight };
      if (list) list.push(a);
      else assignments.set(r.topic_id, [a]);
    }
    for (const row of this.db.prepare<[], TopicScopeRow>('SELECT * FROM topic_scopes WHERE content_hash IS NOT NULL').iterate()) {
      const note = topicScopeOfRow(row);
      const own = byScope.get(scopeKey(note)) ?? [];
      const offset = own.length > 0 ? own[0]!.topicId - 1 : 0;
      byHash.set(row.content_hash!, {
        topics: own.map((t) => ({ ...t, topicId: t.topicId - offset })),
        assignments: own.flatMap((t) =>
          (assignments.get(t.topicId) ?? [])
            .sort((x, y) => compareIds(x.documentId, y.documentId))
            .map((a) => ({ ...a, topicId: a.topicId - offset })),
        ),
        note,
      });
    }
    return byHash;
  }

  /** The dictionaries (kind → sha256 list) the last run used, to tell when stored counts are stale. */
  lastDictionaries(): string | null {
    const files = this.lastRun('dictionaries');
    return files === null ? null : dictionaryKey(JSON.parse(files) as { kind: string; sha256: string }[]);
  }

  /** The segmentation key (segment/segmentation-key.ts) the last run's counts were made with; null before runs recorded it. */
  lastSegmentation(): string | null {
    return this.lastParameter('segmentation');
  }

  /** The key (score/gap-reuse.ts) of the dictionary gaps the last run stored; null when it found none. */
  lastDictionaryGaps(): string | null {
    return this.lastParameter('dictionaryGapsKey');
  }

  /** A string the last run recorded among its parameters, or null. */
  private lastParameter(name: string): string | null {
    const parameters = this.lastRun('parameters');
    const value = parameters === null ? undefined : (JSON.parse(parameters) as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : null;
  }

  /** A column of the last run's `runs` row (JSON text), or null before any run. */
  private lastRun(column: 'dictionaries' | 'packages' | 'parameters'): string | null {
    if (!this.hasTable('runs')) return null;
    const r = this.db.prepare<[], Record<string, string>>(`SELECT ${column} FROM runs ORDER BY run_id DESC LIMIT 1`).get();
    return r ? r[column]! : null;
  }

  /** The package versions (name → version) the last run used, as JSON, to tell whether its images would be made the same. */
  lastPackages(): string | null {
    return this.lastRun('packages');
  }

  private hasColumn(table: string, column: string): boolean {
    return this.db
      .prepare<[], { name: string }>(`PRAGMA table_info(${table})`)
      .all()
      .some((c) => c.name === column);
  }

  private hasTable(name: string): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?").get(name) !== undefined;
  }
}

/** A comparable fingerprint of a run's dictionary files. */
export function dictionaryKey(files: readonly { kind: string; sha256: string }[]): string {
  return files
    .map((f) => `${f.kind}:${f.sha256}`)
    .sort()
    .join(',');
}
