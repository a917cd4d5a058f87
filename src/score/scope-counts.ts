import type { Scope, ScopedDocument } from './scopes.ts';
import { compareScopes, scopeKey, scopesOf } from './scopes.ts';

/** A document as the score stage sees it: its scope fields and term counts. */
export interface TermDocument extends ScopedDocument {
  terms: ReadonlyMap<string, number>;
}

/** What a scope holds: its suggestions and, per term, in how many and how often. */
export interface ScopeCounts {
  scope: Scope;
  documents: number;
  /** term → suggestions containing it */
  df: Map<string, number>;
  /** term → occurrences */
  tf: Map<string, number>;
  /** Σ df over terms: the number of (suggestion, term) pairs. */
  dfTotal: number;
  /** Indices (in input order) of the scope's documents. */
  members: number[];
}

/** Counts for every scope (see scopesOf), in the fixed scope order; the last is (all, all). */
export function countScopes(docs: readonly TermDocument[]): ScopeCounts[] {
  const byScope = new Map<string, ScopeCounts>();
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    for (const scope of scopesOf(doc)) {
      const key = scopeKey(scope);
      let s = byScope.get(key);
      if (!s) byScope.set(key, (s = { scope, documents: 0, df: new Map(), tf: new Map(), dfTotal: 0, members: [] }));
      s.documents++;
      s.members.push(i);
      for (const [term, count] of doc.terms) {
        s.df.set(term, (s.df.get(term) ?? 0) + 1);
        s.tf.set(term, (s.tf.get(term) ?? 0) + count);
        s.dfTotal++;
      }
    }
  }
  return [...byScope.values()].sort((a, b) => compareScopes(a.scope, b.scope));
}
