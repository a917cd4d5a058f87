import type { Scope, ScopedDocument } from './scopes.ts';
import { compareScopes, scopeKey, scopesOf } from './scopes.ts';

/** A document as the score stage sees it: its scope fields and term counts. */
export interface TermDocument extends ScopedDocument {
  terms: ReadonlyMap<string, number>;
}

/** A ranked term of one scope. */
export interface Keyword extends Scope {
  term: string;
  rank: number;
  score: number;
  /** Suggestions of the scope that contain the term. */
  docs: number;
  /** Occurrences of the term in the scope's suggestions. */
  freq: number;
  /** docs / suggestions in the scope. */
  share: number;
}

/** The suggestions in each scope. */
export interface ScopeSize extends Scope {
  documents: number;
}

/**
 * Thin scoring: in every scope, rank terms by how many suggestions contain
 * them (then by occurrences, then by term code point); `score` is the share of
 * the scope's suggestions. Keeps the top `limit` of each scope.
 */
export function rankByDocumentFrequency(docs: Iterable<TermDocument>, limit = 200): { keywords: Keyword[]; scopes: ScopeSize[] } {
  const byScope = new Map<string, { scope: Scope; documents: number; df: Map<string, number>; tf: Map<string, number> }>();
  for (const doc of docs) {
    for (const scope of scopesOf(doc)) {
      const key = scopeKey(scope);
      let s = byScope.get(key);
      if (!s) byScope.set(key, (s = { scope, documents: 0, df: new Map(), tf: new Map() }));
      s.documents++;
      for (const [term, count] of doc.terms) {
        s.df.set(term, (s.df.get(term) ?? 0) + 1);
        s.tf.set(term, (s.tf.get(term) ?? 0) + count);
      }
    }
  }
  const ordered = [...byScope.values()].sort((a, b) => compareScopes(a.scope, b.scope));
  const keywords: Keyword[] = [];
  for (const s of ordered) {
    const terms = [...s.df].sort((a, b) => b[1] - a[1] || (s.tf.get(b[0])! - s.tf.get(a[0])!) || (a[0] < b[0] ? -1 : 1));
    terms.slice(0, limit).forEach(([term, df], i) => {
      const share = df / s.documents;
      keywords.push({ ...s.scope, term, rank: i + 1, score: share, docs: df, freq: s.tf.get(term)!, share });
    });
  }
  return { keywords, scopes: ordered.map((s) => ({ ...s.scope, documents: s.documents })) };
}
