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

/**
 * Counts for every scope (see scopesOf), in the fixed scope order; the last is (all, all).
 * Documents are counted once, into their (category, year) cell; every scope is
 * then the sum of its cells (a scope's counts do not depend on how they are added up).
 */
export function countScopes(docs: readonly TermDocument[]): ScopeCounts[] {
  const cells = new Map<string, ScopeCounts>();
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    const scope = { category: doc.category, year: doc.year };
    const key = scopeKey(scope);
    let s = cells.get(key);
    if (!s) cells.set(key, (s = { scope, documents: 0, df: new Map(), tf: new Map(), dfTotal: 0, members: [] }));
    s.documents++;
    s.members.push(i);
    for (const [term, count] of doc.terms) {
      s.df.set(term, (s.df.get(term) ?? 0) + 1);
      s.tf.set(term, (s.tf.get(term) ?? 0) + count);
      s.dfTotal++;
    }
  }
  const feeding = new Map<string, { scope: Scope; cells: ScopeCounts[] }>();
  for (const cell of cells.values()) {
    for (const scope of scopesOf(cell.scope)) {
      const key = scopeKey(scope);
      const f = feeding.get(key);
      if (f) f.cells.push(cell);
      else feeding.set(key, { scope, cells: [cell] });
    }
  }
  const scopes: ScopeCounts[] = [];
  for (const { scope, cells: from } of feeding.values()) {
    // a scope fed only by its own cell is that cell (members in document order); others add cells up
    if (from.length === 1 && from[0]!.scope.category === scope.category && from[0]!.scope.year === scope.year) {
      scopes.push(from[0]!);
      continue;
    }
    const s: ScopeCounts = { scope, documents: 0, df: new Map(), tf: new Map(), dfTotal: 0, members: [] };
    for (const cell of from) add(s, cell);
    s.members.sort((a, b) => a - b);
    scopes.push(s);
  }
  return scopes.sort((a, b) => compareScopes(a.scope, b.scope));
}

function add(into: ScopeCounts, cell: ScopeCounts): void {
  into.documents += cell.documents;
  into.dfTotal += cell.dfTotal;
  for (const i of cell.members) into.members.push(i);
  for (const [t, c] of cell.df) into.df.set(t, (into.df.get(t) ?? 0) + c);
  for (const [t, c] of cell.tf) into.tf.set(t, (into.tf.get(t) ?? 0) + c);
}
