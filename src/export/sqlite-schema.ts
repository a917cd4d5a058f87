import type Database from 'better-sqlite3';

/**
 * The SQLite contract the platform reads. Each migration moves the database
 * one version forward; `docs/schema.md` documents every table and column.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: documents, their terms, keywords per scope, rejects, provenance
  `
  CREATE TABLE schema_version(version INTEGER NOT NULL);
  CREATE TABLE runs(
    run_id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    parameters TEXT NOT NULL,
    inputs TEXT NOT NULL,
    dictionaries TEXT NOT NULL,
    packages TEXT NOT NULL,
    read INTEGER NOT NULL,
    accepted INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    timings TEXT NOT NULL
  );
  CREATE TABLE documents(
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    category TEXT,
    year INTEGER,
    session TEXT,
    date TEXT,
    unit TEXT,
    result TEXT,
    disclosed INTEGER,
    source_file TEXT NOT NULL,
    line INTEGER NOT NULL,
    meta TEXT NOT NULL,
    pairs TEXT NOT NULL
  );
  CREATE INDEX documents_source ON documents(source_file);
  CREATE INDEX documents_scope ON documents(category, year);
  CREATE TABLE document_terms(
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    term TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY(document_id, term)
  ) WITHOUT ROWID;
  CREATE INDEX document_terms_term ON document_terms(term, document_id);
  CREATE TABLE scopes(
    category TEXT,
    year INTEGER,
    documents INTEGER NOT NULL
  );
  CREATE TABLE keywords(
    category TEXT,
    year INTEGER,
    term TEXT NOT NULL,
    rank INTEGER NOT NULL,
    score REAL NOT NULL,
    docs INTEGER NOT NULL,
    freq INTEGER NOT NULL,
    share REAL NOT NULL,
    salience REAL NOT NULL,
    tfidf REAL NOT NULL,
    g2 REAL,
    p REAL,
    q REAL,
    z REAL,
    ratio REAL,
    significant INTEGER NOT NULL
  );
  CREATE INDEX keywords_scope ON keywords(category, year, rank);
  CREATE INDEX keywords_term ON keywords(term);
  CREATE TABLE keyword_documents(
    category TEXT,
    year INTEGER,
    term TEXT NOT NULL,
    document_id TEXT NOT NULL,
    count INTEGER NOT NULL,
    position INTEGER NOT NULL,
    snippet TEXT
  );
  CREATE INDEX keyword_documents_term ON keyword_documents(category, year, term, position);
  CREATE TABLE term_trends(
    category TEXT,
    year INTEGER NOT NULL,
    term TEXT NOT NULL,
    docs INTEGER NOT NULL,
    share REAL NOT NULL,
    weight REAL NOT NULL,
    status TEXT NOT NULL,
    z_previous REAL
  );
  CREATE INDEX term_trends_term ON term_trends(category, term, year);
  CREATE TABLE emerging_terms(
    category TEXT,
    year INTEGER NOT NULL,
    term TEXT NOT NULL,
    rank INTEGER NOT NULL,
    score REAL NOT NULL,
    z REAL NOT NULL,
    docs INTEGER NOT NULL,
    weight REAL NOT NULL,
    share REAL NOT NULL,
    earlier_rate REAL NOT NULL,
    status TEXT NOT NULL
  );
  CREATE INDEX emerging_terms_scope ON emerging_terms(category, year, rank);
  CREATE TABLE dictionary_candidates(
    term TEXT PRIMARY KEY,
    rank INTEGER NOT NULL,
    score REAL NOT NULL,
    freq INTEGER NOT NULL,
    docs INTEGER NOT NULL,
    pmi REAL NOT NULL,
    left_entropy REAL NOT NULL,
    right_entropy REAL NOT NULL,
    example TEXT NOT NULL,
    example_id TEXT NOT NULL,
    dict_line TEXT NOT NULL
  );
  CREATE TABLE dictionary_splits(
    term TEXT PRIMARY KEY,
    occurrences INTEGER NOT NULL,
    split INTEGER NOT NULL,
    pieces TEXT NOT NULL,
    example TEXT NOT NULL,
    example_id TEXT NOT NULL
  );
  CREATE TABLE phrases(
    term TEXT PRIMARY KEY,
    left_token TEXT NOT NULL,
    right_token TEXT NOT NULL,
    count INTEGER NOT NULL,
    docs INTEGER NOT NULL,
    pmi REAL NOT NULL,
    g2 REAL NOT NULL
  );
  CREATE TABLE distribution(
    year INTEGER,
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    documents INTEGER NOT NULL,
    share REAL NOT NULL,
    percent REAL NOT NULL
  );
  CREATE INDEX distribution_year ON distribution(year, dimension);
  CREATE TABLE rejects(
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    reason TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    raw TEXT NOT NULL
  );
  `,
  // 2: topics per scope
  `
  CREATE TABLE topics(
    topic_id INTEGER PRIMARY KEY,
    category TEXT,
    year INTEGER,
    label TEXT NOT NULL,
    size INTEGER NOT NULL,
    terms TEXT NOT NULL,
    coherence REAL NOT NULL,
    representative TEXT NOT NULL,
    outlier INTEGER NOT NULL
  );
  CREATE INDEX topics_scope ON topics(category, year);
  CREATE TABLE document_topics(
    document_id TEXT NOT NULL,
    topic_id INTEGER NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY(document_id, topic_id)
  ) WITHOUT ROWID;
  CREATE INDEX document_topics_topic ON document_topics(topic_id);
  CREATE TABLE topic_scopes(
    category TEXT,
    year INTEGER,
    documents INTEGER NOT NULL,
    k INTEGER,
    note TEXT NOT NULL,
    coherence_by_k TEXT NOT NULL
  );
  `,
  // 3: themes from titles, and each suggestion's own keywords
  `
  CREATE TABLE themes(
    category TEXT,
    year INTEGER,
    theme TEXT NOT NULL,
    members TEXT NOT NULL,
    docs INTEGER NOT NULL,
    share REAL NOT NULL,
    rank INTEGER NOT NULL,
    score REAL NOT NULL,
    examples TEXT NOT NULL
  );
  CREATE INDEX themes_scope ON themes(category, year, rank);
  CREATE TABLE document_keywords(
    document_id TEXT NOT NULL,
    term TEXT NOT NULL,
    kind TEXT NOT NULL,
    weight REAL NOT NULL,
    rank INTEGER NOT NULL,
    PRIMARY KEY(document_id, rank)
  ) WITHOUT ROWID;
  CREATE INDEX document_keywords_term ON document_keywords(term);
  `,
  // 4: the workbook sheet a suggestion (or a rejected row) came from
  `
  ALTER TABLE documents ADD COLUMN sheet TEXT;
  ALTER TABLE rejects ADD COLUMN sheet TEXT;
  `,
  // 5: the version is PRAGMA user_version (set by migrate) instead of a table
  `
  DROP TABLE schema_version;
  `,
  // 6: each scope's content hash, for a later run to reuse its topics
  `
  ALTER TABLE topic_scopes ADD COLUMN content_hash TEXT;
  `,
  // 7: a reject's reason in Chinese beside the English one
  `
  ALTER TABLE rejects ADD COLUMN reason_zh TEXT;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Bring a database to the current schema, one migration at a time, inside
 * the caller's transaction. The version is `PRAGMA user_version`; a file
 * written before version 5 keeps it in the `schema_version` table instead.
 */
export function migrate(db: Database.Database): void {
  let version = db.pragma('user_version', { simple: true }) as number;
  if (version === 0 && db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'").get()) {
    version = db.prepare<[], { v: number | null }>('SELECT max(version) AS v FROM schema_version').get()?.v ?? 0;
  }
  if (version > SCHEMA_VERSION) {
    throw new Error(`database schema version ${version} is newer than this tool's ${SCHEMA_VERSION}`);
  }
  for (; version < SCHEMA_VERSION; version++) db.exec(MIGRATIONS[version]!);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}
