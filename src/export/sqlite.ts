import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import type { Reject, SuggestionRecord } from '../corpus/record.ts';
import type { Keyword, ScopeSize } from '../score/hot-words.ts';
import type { DistributionRow } from '../score/distribution.ts';
import type { Phrase } from '../score/phrases.ts';
import type { DictionaryCandidate } from '../score/dictionary-gaps.ts';
import type { KeywordEvidence } from '../score/evidence.ts';
import type { EmergingTerm, TermTrend } from '../score/trends.ts';
import type { SplitTerm } from '../segment/split-terms.ts';
import { userDictLine } from './user-dict-line.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './sqlite-schema.ts';

/** Provenance of one run, stored in `runs`. */
export interface RunProvenance {
  startedAt: string;
  finishedAt: string;
  toolVersion: string;
  parameters: unknown;
  inputs: unknown;
  dictionaries: unknown;
  packages: Record<string, string>;
  counts: { read: number; accepted: number; rejected: number };
  timings: Record<string, number>;
}

export interface DatabaseContents {
  documents: readonly { record: SuggestionRecord; terms: ReadonlyMap<string, number> }[];
  scopes: readonly ScopeSize[];
  keywords: readonly Keyword[];
  distribution: readonly DistributionRow[];
  phrases: readonly Phrase[];
  evidence: readonly KeywordEvidence[];
  trends: readonly TermTrend[];
  emerging: readonly EmergingTerm[];
  dictionaryCandidates: readonly DictionaryCandidate[];
  dictionarySplits: readonly SplitTerm[];
  rejects: readonly Reject[];
  run: RunProvenance;
}

/** Bring a database to the current schema, one migration at a time. */
export function migrate(db: Database.Database): void {
  const hasVersion = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'").get();
  let version = hasVersion ? ((db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0) : 0;
  if (version > SCHEMA_VERSION) {
    throw new Error(`database schema version ${version} is newer than this tool's ${SCHEMA_VERSION}`);
  }
  while (version < SCHEMA_VERSION) {
    db.exec(MIGRATIONS[version]!);
    version++;
    db.prepare('DELETE FROM schema_version').run();
    db.prepare('INSERT INTO schema_version(version) VALUES (?)').run(version);
  }
}

/**
 * Write a run's results as a new database at `path`: built under a temporary
 * name in one transaction and renamed over the old file, so a run that dies
 * leaves the previous database as it was.
 */
export function writeDatabase(path: string, contents: DatabaseContents): void {
  const tmp = `${path}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    db.transaction(() => {
      migrate(db);
      insertAll(db, contents);
    })();
    db.close();
    renameSync(tmp, path);
  } catch (e) {
    if (db.open) db.close();
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    throw e;
  }
}

function insertAll(db: Database.Database, c: DatabaseContents): void {
  const insDoc = db.prepare(`INSERT INTO documents(id, title, text, category, year, session, date, unit, result, disclosed, source_file, line, meta)
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const insTerm = db.prepare('INSERT INTO document_terms(document_id, term, count) VALUES (?,?,?)');
  for (const { record: r, terms } of c.documents) {
    insDoc.run(r.id, r.title, r.text, r.category, r.year, r.session, r.date, r.unit, r.result,
      r.disclosed === null ? null : r.disclosed ? 1 : 0, basename(r.origin.file), r.origin.line, JSON.stringify(r.meta));
    for (const [term, count] of terms) insTerm.run(r.id, term, count);
  }
  const insScope = db.prepare('INSERT INTO scopes(category, year, documents) VALUES (?,?,?)');
  for (const s of c.scopes) insScope.run(s.category, s.year, s.documents);
  const insKw = db.prepare(`INSERT INTO keywords(category, year, term, rank, score, docs, freq, share, salience, tfidf, g2, p, q, z, ratio, significant)
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  for (const k of c.keywords) {
    insKw.run(k.category, k.year, k.term, k.rank, k.score, k.docs, k.freq, k.share, k.salience, k.tfidf, k.g2, k.p, k.q, k.z, k.ratio, k.significant ? 1 : 0);
  }
  const insEv = db.prepare('INSERT INTO keyword_documents(category, year, term, document_id, count, position, snippet) VALUES (?,?,?,?,?,?,?)');
  for (const e of c.evidence) insEv.run(e.category, e.year, e.term, e.documentId, e.count, e.position, e.snippet);
  const insTrend = db.prepare('INSERT INTO term_trends(category, year, term, docs, share, weight, status, z_previous) VALUES (?,?,?,?,?,?,?,?)');
  for (const t of c.trends) insTrend.run(t.category, t.year, t.term, t.docs, t.share, t.weight, t.status, t.zPrevious);
  const insEm = db.prepare(`INSERT INTO emerging_terms(category, year, term, rank, score, z, docs, weight, share, earlier_rate, status)
    VALUES (?,?,?,?,?,?,?,?,?,?,?)`);
  for (const e of c.emerging) insEm.run(e.category, e.year, e.term, e.rank, e.score, e.z, e.docs, e.weight, e.share, e.earlierRate, e.status);
  const insCand = db.prepare(`INSERT INTO dictionary_candidates(term, rank, score, freq, docs, pmi, left_entropy, right_entropy, example, example_id, dict_line)
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
  const insRej = db.prepare('INSERT INTO rejects(file, line, reason, rule_id, raw) VALUES (?,?,?,?,?)');
  for (const r of c.rejects) insRej.run(basename(r.file), r.line, r.reason, r.ruleId, JSON.stringify(r.raw));
  const run = c.run;
  db.prepare(`INSERT INTO runs(started_at, finished_at, tool_version, parameters, inputs, dictionaries, packages, read, accepted, rejected, timings)
    VALUES (?,?,?,?,?,?,?,?,?,?,?)`).run(run.startedAt, run.finishedAt, run.toolVersion, JSON.stringify(run.parameters),
    JSON.stringify(run.inputs), JSON.stringify(run.dictionaries), JSON.stringify(run.packages),
    run.counts.read, run.counts.accepted, run.counts.rejected, JSON.stringify(run.timings));
}
