import { constants, copyFileSync, existsSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import type { CorpusAnalysis, CountedDocument } from '../score/analyse-corpus.ts';
import { compareIds, type Reject } from '../corpus/record.ts';
import { environmentFailure } from '../diagnostics.ts';
import { migrate } from './sqlite-schema.ts';
import { DOCUMENT_COLUMNS, documentValues } from './sqlite-rows.ts';
import { StoredCorpus } from './stored-corpus.ts';
import { userDictLine } from './user-dict-line.ts';

/** The tables of a run's topics, written once they are clustered (Store.finishRun). */
export type TopicTables = Pick<CorpusAnalysis, 'topics' | 'documentTopics' | 'topicScopes'>;

/** Provenance of one run, stored in `runs`. */
export interface RunProvenance {
  startedAt: string;
  finishedAt: string;
  toolVersion: string;
  parameters: unknown;
  inputs: unknown;
  dictionaries: readonly { kind: string; path: string; sha256: string }[];
  packages: Record<string, string>;
  counts: { read: number; accepted: number; rejected: number };
  timings: Record<string, number>;
}

/**
 * The database of an output folder, opened for one run. Sessions accumulate:
 * documents stored by earlier runs stay, with their term and pair counts, so
 * they are never segmented again; a source file given again replaces its
 * documents. A new database is built under a temporary name and renamed into
 * place; an existing one is changed in a single transaction. Either way a run
 * that dies leaves the previous database as it was. It writes; what earlier
 * runs stored is read through `stored` (StoredCorpus).
 *
 * The one transaction spans an await, by design: `writeScored` begins it, the
 * run then awaits its topic workers (which cluster while this thread stores
 * the scores), and `finishRun` ends it; no other code touches the database
 * meanwhile, and `abort` rolls it back if the wait fails.
 */
export class Store {
  readonly path: string;
  private readonly db: Database.Database;
  /** A new database (not a copy of the previous one): its term index is built once, after the rows. */
  private readonly isNew: boolean;

  private constructor(path: string, db: Database.Database, isNew: boolean) {
    this.path = path;
    this.db = db;
    this.isNew = isNew;
  }

  /** What earlier runs stored in this database, read as this run's input (nothing in a new one). */
  get stored(): StoredCorpus {
    return new StoredCorpus(this.db);
  }

  /**
   * Open the database of a new generation at `path` (generations.ts): a copy
   * of `from`, the database of the previous generation, or a new one (no
   * `from`, or `fresh`: ignore what is there). The copy is this run's own
   * until the generation is published, so a run that dies keeps nothing of
   * it. Up to `threads` threads sort for SQLite: building the term index of
   * a new database sorts every term row (5 M at 100 MB of input), 3.1–4.4 → 2.4–2.8 s
   * on two.
   */
  static open(path: string, options: { from: string | null; fresh: boolean; threads: number }): Store {
    try {
      return Store.openOrThrow(path, options);
    } catch (e) {
      // the folder's database (not this run's copy) is what the user can act on
      throw environmentFailure(e, options.from ?? path) ?? e;
    }
  }

  private static openOrThrow(path: string, options: { from: string | null; fresh: boolean; threads: number }): Store {
    const threads = `threads = ${Math.max(0, options.threads - 1)}`;
    if (options.from !== null && existsSync(options.from) && !options.fresh) {
      // a database of the layout before generations may hold a hot journal (a run that died
      // mid-transaction): opening it rolls that back before its bytes are copied
      if (existsSync(`${options.from}-journal`)) new Database(options.from).prepare('SELECT count(*) FROM sqlite_master').get();
      copyFileSync(options.from, path, constants.COPYFILE_FICLONE);
      const db = new Database(path);
      // a file that is not a database (or a damaged one) is named now, before any work
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      db.pragma('foreign_keys = ON');
      db.pragma(CACHE);
      db.pragma(threads);
      return new Store(path, db, false);
    }
    rmSync(path, { force: true });
    const db = new Database(path);
    db.pragma('journal_mode = DELETE');
    // a new database only receives rows, whose documents it has just inserted: the per-row
    // foreign-key lookups check nothing (a database opened again for a later run enforces them)
    db.pragma('foreign_keys = OFF');
    db.pragma(CACHE);
    db.pragma(threads);
    return new Store(path, db, true);
  }

  /**
   * Begin writing a run, in one transaction that `finishRun` ends: replace the
   * documents of `replacedSources` (file names), add `added`, and rewrite every
   * derived table but the topics from `analysis`. `reuse.unchanged`: ids of
   * `added` read again exactly as stored (same row, counts made the same way),
   * whose rows stay as they are; `reuse.keepDictionaryGaps`: the stored
   * dictionary gaps are this run's (score/gap-reuse.ts) and stay too. The run's topics may still
   * be clustering meanwhile, on other threads; nothing is visible to a reader
   * before `finishRun` and `commit`, and a run that fails between them
   * (`abort`) keeps nothing.
   */
  writeScored(
    replacedSources: readonly string[],
    added: readonly CountedDocument[],
    analysis: Omit<CorpusAnalysis, keyof TopicTables>,
    reuse: { unchanged?: ReadonlySet<string>; keepDictionaryGaps?: boolean } = {},
  ): void {
    const unchanged = reuse.unchanged ?? new Set<string>();
    const db = this.db;
    db.exec('BEGIN');
    try {
      migrate(db);
      const delDocs = db.prepare('DELETE FROM documents WHERE source_file = ?');
      const idsOf = db.prepare<[string], [string]>('SELECT id FROM documents WHERE source_file = ?').raw(true);
      const delDoc = db.prepare('DELETE FROM documents WHERE id = ?');
      const delRejects = db.prepare('DELETE FROM rejects WHERE file = ?');
      for (const source of replacedSources) {
        // the suggestions read again unchanged keep their rows (and their terms' rows)
        if (unchanged.size === 0) delDocs.run(source);
        else for (const [id] of idsOf.all(source)) if (!unchanged.has(id)) delDoc.run(id);
        delRejects.run(source);
      }
      // into a new database the term index is built once after the rows, not entry by entry
      if (this.isNew) db.exec('DROP INDEX document_terms_term');
      insertDocuments(db, unchanged.size === 0 ? added : added.filter((d) => !unchanged.has(d.record.id)));
      if (this.isNew) db.exec('CREATE INDEX document_terms_term ON document_terms(term, document_id)');
      for (const table of [
        'topics',
        'document_topics',
        'topic_scopes',
        'scopes',
        'keywords',
        'themes',
        'document_keywords',
        'keyword_documents',
        'term_trends',
        'emerging_terms',
        ...(reuse.keepDictionaryGaps ? [] : ['dictionary_candidates', 'dictionary_splits']),
        'phrases',
        'distribution',
      ]) {
        db.prepare(`DELETE FROM ${table}`).run();
      }
      insertAnalysis(db, analysis);
      // The page cache (64 MB) is emptied for the topics that run next (at 97 MB the thread's RSS
      // fell from 850 to 816 MB). A new database is committed first, so that its pages are clean:
      // no reader sees it before its generation is published.
      if (this.isNew) {
        db.exec('COMMIT');
        db.exec('BEGIN');
      }
      db.pragma('shrink_memory');
    } catch (e) {
      // SQLite has already rolled back after some errors (a full disk): a second ROLLBACK would
      // fail and hide the cause
      if (db.inTransaction) db.exec('ROLLBACK');
      throw environmentFailure(e, this.path) ?? e;
    }
  }

  /**
   * Write the run's topics (with each scope's content hash, aligned with `topics.topicScopes`, for
   * a later run to reuse them), its rejects and its provenance, and end the transaction
   * `writeScored` began.
   */
  finishRun(topics: TopicTables, rejects: readonly Reject[], scopeHashes: readonly string[] | null, run: RunProvenance): void {
    const db = this.db;
    if (!db.inTransaction) throw new Error('finishRun without writeScored');
    try {
      insertTopics(db, topics, scopeHashes);
      const insRej = db.prepare('INSERT INTO rejects(file, sheet, line, reason, reason_zh, rule_id, raw) VALUES (?,?,?,?,?,?,?)');
      for (const r of rejects) insRej.run(basename(r.file), r.sheet ?? null, r.line, r.reason, r.reasonZh, r.ruleId, JSON.stringify(r.raw));
      db.prepare(
        `INSERT INTO runs(started_at, finished_at, tool_version, parameters, inputs, dictionaries, packages,
          read, accepted, rejected, timings)
        VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
      ).run(
        run.startedAt,
        run.finishedAt,
        run.toolVersion,
        JSON.stringify(run.parameters),
        JSON.stringify(run.inputs),
        JSON.stringify(run.dictionaries),
        JSON.stringify(run.packages),
        run.counts.read,
        run.counts.accepted,
        run.counts.rejected,
        JSON.stringify(run.timings),
      );
      db.exec('COMMIT');
    } catch (e) {
      // SQLite has already rolled back after some errors (a full disk): a second ROLLBACK would
      // fail and hide the cause
      if (db.inTransaction) db.exec('ROLLBACK');
      throw environmentFailure(e, this.path) ?? e;
    }
  }

  /**
   * Complete the stage timings of the latest run, for the stages that run
   * after its transaction (JSON, clouds, report): a small second transaction
   * in the generation's database, before the generation is published.
   */
  static recordTimings(path: string, timings: Record<string, number>): void {
    try {
      const db = new Database(path);
      try {
        db.prepare('UPDATE runs SET timings = ? WHERE run_id = (SELECT max(run_id) FROM runs)').run(JSON.stringify(timings));
      } finally {
        db.close();
      }
    } catch (e) {
      throw environmentFailure(e, path) ?? e;
    }
  }

  /** Close the run's database, its transaction committed (finishRun). */
  commit(): void {
    this.db.close();
  }

  /** Close without keeping anything of this run (a transaction under way is rolled back; the generation's folder is removed by the caller). */
  abort(): void {
    if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK');
    if (this.db.open) this.db.close();
  }
}

/**
 * Page cache of 64 MB (SQLite's default is 2 MB): the term index of a large
 * corpus takes entries in term order while rows come in document order, and
 * with a small cache every insert read and wrote pages back.
 */
const CACHE = `cache_size = ${-64 * 1024}`;

function insertDocuments(db: Database.Database, docs: readonly CountedDocument[]): void {
  const insDoc = db.prepare(`INSERT INTO documents(${DOCUMENT_COLUMNS.join(', ')}) VALUES (${DOCUMENT_COLUMNS.map(() => '?').join(',')})`);
  const insTerm = new BatchInsert(db, 'document_terms', ['document_id', 'term', 'count']);
  // in key order, so both tables' B-trees grow at their ends instead of splitting pages all over
  const byId = [...docs].sort((x, y) => compareIds(x.record.id, y.record.id));
  for (const { record: r, terms, pairs } of byId) {
    insDoc.run(...documentValues(r, basename(r.origin.file), pairsJson(pairs)));
    terms.forEach((count, term) => insTerm.add(r.id, term, count));
  }
  insTerm.flush();
}

/**
 * Rows inserted 50 to a statement: at millions of rows (5 M term rows at 100 MB
 * of input) a call per row cost more than SQLite's insert; 2.5× faster so.
 */
class BatchInsert {
  private static readonly ROWS = 50;
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;
  private readonly pending: unknown[] = [];

  constructor(
    db: Database.Database,
    table: string,
    private readonly columns: readonly string[],
  ) {
    const row = `(${columns.map(() => '?').join(',')})`;
    this.many = db.prepare(`INSERT INTO ${table}(${columns.join(', ')}) VALUES ${Array(BatchInsert.ROWS).fill(row).join(',')}`);
    this.one = db.prepare(`INSERT INTO ${table}(${columns.join(', ')}) VALUES ${row}`);
  }

  add(...values: unknown[]): void {
    for (const v of values) this.pending.push(v);
    if (this.pending.length === BatchInsert.ROWS * this.columns.length) {
      this.many.run(this.pending);
      this.pending.length = 0;
    }
  }

  /** Insert what is left. */
  flush(): void {
    for (let i = 0; i < this.pending.length; i += this.columns.length) this.one.run(this.pending.slice(i, i + this.columns.length));
    this.pending.length = 0;
  }
}

/** JSON.stringify([...pairs]), without building an array per pair. */
function pairsJson(pairs: ReadonlyMap<string, number>): string {
  let out = '';
  pairs.forEach((count, key) => (out += `${out === '' ? '[' : ','}[${JSON.stringify(key)},${count}]`));
  return out === '' ? '[]' : `${out}]`;
}

function insertAnalysis(db: Database.Database, c: Omit<CorpusAnalysis, keyof TopicTables>): void {
  const insScope = db.prepare('INSERT INTO scopes(category, year, documents) VALUES (?,?,?)');
  for (const s of c.scopes) insScope.run(s.category, s.year, s.documents);
  const insKw =
    db.prepare(`INSERT INTO keywords(category, year, term, rank, score, docs, freq, share, salience, tfidf, g2, p, q, z, ratio, significant)
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  for (const k of c.keywords) {
    insKw.run(
      k.category,
      k.year,
      k.term,
      k.rank,
      k.score,
      k.docs,
      k.freq,
      k.share,
      k.salience,
      k.tfidf,
      k.g2,
      k.p,
      k.q,
      k.z,
      k.ratio,
      k.significant ? 1 : 0,
    );
  }
  const insTheme = db.prepare(
    'INSERT INTO themes(category, year, theme, members, docs, share, rank, score, examples) VALUES (?,?,?,?,?,?,?,?,?)',
  );
  for (const t of c.themes)
    insTheme.run(t.category, t.year, t.theme, JSON.stringify(t.members), t.docs, t.share, t.rank, t.score, JSON.stringify(t.examples));
  const insOwn = new BatchInsert(db, 'document_keywords', ['document_id', 'term', 'kind', 'weight', 'rank']);
  for (const k of c.documentKeywords) insOwn.add(k.id, k.term, k.kind, k.weight, k.rank);
  insOwn.flush();
  const insEv = new BatchInsert(db, 'keyword_documents', ['category', 'year', 'term', 'document_id', 'count', 'position', 'snippet']);
  for (const e of c.evidence) e.documents.forEach((d, i) => insEv.add(e.category, e.year, e.term, d.id, d.count, i + 1, d.snippet));
  insEv.flush();
  const insTrend = db.prepare(
    'INSERT INTO term_trends(category, year, term, docs, share, weight, status, z_previous) VALUES (?,?,?,?,?,?,?,?)',
  );
  for (const t of c.trends) insTrend.run(t.category, t.year, t.term, t.docs, t.share, t.weight, t.status, t.zPrevious);
  const insEm = db.prepare(`INSERT INTO emerging_terms(category, year, term, rank, score, z, docs, weight, share, earlier_rate, status)
    VALUES (?,?,?,?,?,?,?,?,?,?,?)`);
  for (const e of c.emerging)
    insEm.run(e.category, e.year, e.term, e.rank, e.score, e.z, e.docs, e.weight, e.share, e.earlierRate, e.status);
  const insCand = db.prepare(`INSERT INTO dictionary_candidates(term, rank, score, freq, docs, pmi, left_entropy, right_entropy,
      example, example_id, dict_line)
    VALUES (?,?,?,?,?,?,?,?,?,?,?)`);
  for (const d of c.dictionaryCandidates) {
    insCand.run(d.term, d.rank, d.score, d.freq, d.docs, d.pmi, d.leftEntropy, d.rightEntropy, d.example, d.exampleId, userDictLine(d));
  }
  const insSplit = db.prepare('INSERT INTO dictionary_splits(term, occurrences, split, pieces, example, example_id) VALUES (?,?,?,?,?,?)');
  for (const d of c.dictionarySplits) insSplit.run(d.term, d.occurrences, d.split, d.pieces, d.example, d.exampleId);
  const insPhrase = db.prepare('INSERT INTO phrases(term, left_token, right_token, count, docs, pmi, g2) VALUES (?,?,?,?,?,?,?)');
  for (const p of c.phrases) insPhrase.run(p.term, p.left, p.right, p.count, p.docs, p.pmi, p.g2);
  const insDist = db.prepare('INSERT INTO distribution(year, dimension, value, documents, share, percent) VALUES (?,?,?,?,?,?)');
  for (const d of c.distribution) insDist.run(d.year, d.dimension, d.value, d.documents, d.share, d.percent);
}

function insertTopics(db: Database.Database, c: TopicTables, scopeHashes: readonly string[] | null): void {
  const insTopic = db.prepare(
    'INSERT INTO topics(topic_id, category, year, label, size, terms, coherence, representative, outlier) VALUES (?,?,?,?,?,?,?,?,?)',
  );
  for (const t of c.topics) {
    insTopic.run(
      t.topicId,
      t.category,
      t.year,
      t.label,
      t.size,
      JSON.stringify(t.terms),
      t.coherence,
      JSON.stringify(t.representative),
      t.outlier ? 1 : 0,
    );
  }
  const insDocTopic = new BatchInsert(db, 'document_topics', ['document_id', 'topic_id', 'weight']);
  for (const a of c.documentTopics) insDocTopic.add(a.documentId, a.topicId, a.weight);
  insDocTopic.flush();
  const insTopicScope = db.prepare(
    'INSERT INTO topic_scopes(category, year, documents, k, note, coherence_by_k, content_hash) VALUES (?,?,?,?,?,?,?)',
  );
  c.topicScopes.forEach((n, i) =>
    insTopicScope.run(n.category, n.year, n.documents, n.k, n.note, JSON.stringify(n.coherenceByK), scopeHashes?.[i] ?? null),
  );
}
