import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TermDocument } from './scope-counts.ts';
import type { Scope } from './scopes.ts';
import { scopeKey } from './scopes.ts';
import type { ScopeTopics, TopicOptions } from './topics.ts';
import { documentsInScope } from './topics.ts';

/**
 * What a scope's topics (and a corpus's dictionary gaps) are a function of,
 * besides their documents and options: the code. The hash of every module of
 * score/ and matrix/ as this process runs them (compiled, or the sources in
 * tests), so that no database reuses results made by other code: any change
 * there, even one that does not touch them, makes the next run compute them
 * again.
 */
export function scoreCodeHash(): string {
  const hash = createHash('sha256');
  for (const room of ['../score/', '../matrix/']) {
    const dir = fileURLToPath(new URL(room, import.meta.url));
    for (const name of readdirSync(dir).sort()) if (/\.(js|ts|wat)$/.test(name)) hash.update(name).update(readFileSync(join(dir, name)));
  }
  return hash.digest('hex');
}

/**
 * A content hash per scope of everything its topics depend on: the code
 * (scoreCodeHash), the options (seed, k), the scope, and
 * each of its suggestions' id, title and term counts, each term marked if it
 * is `refused` as a topic's name, in id order. Two scopes
 * with one hash have the same topics, bit for bit, so a run takes a stored
 * scope's topics instead of clustering it again (topicsOfScope depends on
 * nothing else: tested by a re-run and a session against a full run).
 */
export function scopeContentHashes(
  scopes: readonly Scope[],
  docs: readonly (TermDocument & { id: string; title: string })[],
  options: TopicOptions,
  codeHash: string,
  refused: ReadonlySet<string> = new Set(),
): string[] {
  // each suggestion's digest once, however many scopes hold it
  const digest = new Map<string, string>();
  const digestOf = (d: TermDocument & { id: string; title: string }): string => {
    let h = digest.get(d.id);
    if (h === undefined) {
      const hash = createHash('sha256').update(`${d.id}\u0000${d.title}\u0000`);
      const entries = [...d.terms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [term, count] of entries) hash.update(`${term}\u0001${count}${refused.has(term) ? '\u0003' : ''}\u0002`);
      h = hash.digest('base64');
      digest.set(d.id, h);
    }
    return h;
  };
  const settings = JSON.stringify(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1)));
  return scopes.map((scope) => {
    const hash = createHash('sha256').update(`${codeHash}\u0000${settings}\u0000${scopeKey(scope)}\u0000`);
    for (const d of documentsInScope(scope, docs)) hash.update(digestOf(d));
    return hash.digest('hex');
  });
}

/** Topics stored by an earlier run, by the content hash of their scope, as topicsOfScope returns them (ids from 1). */
export type StoredScopeTopics = ReadonlyMap<string, ScopeTopics>;
