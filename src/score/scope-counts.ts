import type { CountTable } from '../matrix/count-table.ts';
import { countTable } from '../matrix/table-of-maps.ts';
import type { Scope, ScopedDocument } from './scopes.ts';
import { compareScopes, scopeKey, scopesOf } from './scopes.ts';
import { TermSums } from './term-sums.ts';

/** A document as the score stage sees it: its scope fields and term counts. */
export interface TermDocument extends ScopedDocument {
  terms: ReadonlyMap<string, number>;
}

/** What a scope holds: its suggestions and, per term, in how many and how often. */
export interface ScopeCounts {
  scope: Scope;
  documents: number;
  /** The terms' spelling by number (shared by every scope of one count). */
  vocab: readonly string[];
  /** Numbers of the terms the scope's suggestions use, ascending, with each one's suggestions (df) and occurrences (tf). */
  ids: Int32Array;
  df: Int32Array;
  tf: Int32Array;
  /** Σ df over terms: the number of (suggestion, term) pairs. */
  dfTotal: number;
  /** Indices (in input order) of the scope's documents. */
  members: number[];
}

/** Suggestions of the scope that contain `term` (0 if none). */
export function scopeDf(s: ScopeCounts, term: string): number {
  let lo = 0;
  let hi = s.ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.vocab[s.ids[mid]!]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo < s.ids.length && s.vocab[s.ids[lo]!] === term ? s.df[lo]! : 0;
}

/**
 * Counts for every scope (see scopesOf), in the fixed scope order; the last is (all, all).
 * Documents are counted once, into their (category, year) cell; every scope is
 * then the sum of its cells (a scope's counts do not depend on how they are added up).
 * Terms are counted by number, over one table of the documents' counts (`table`, in the order of `docs`).
 */
export function countScopes(docs: readonly TermDocument[], table: CountTable = countTable(docs)): ScopeCounts[] {
  const sum = new TermSums(table.vocab.length, (n) => new Int32Array(n));
  const taken = (): { ids: Int32Array; df: Int32Array; tf: Int32Array } => {
    const { ids, first, second } = sum.take();
    return { ids, df: first, tf: second };
  };
  const cells = new Map<string, { scope: Scope; members: number[] }>();
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    const scope = { category: doc.category, year: doc.year };
    const key = scopeKey(scope);
    const cell = cells.get(key);
    if (cell) cell.members.push(i);
    else cells.set(key, { scope, members: [i] });
  }
  const counted = new Map<string, ScopeCounts>();
  for (const [key, { scope, members }] of cells) {
    let dfTotal = 0;
    for (const i of members) {
      for (let e = table.starts[i]!; e < table.starts[i + 1]!; e++) sum.add(table.ids[e]!, 1, table.counts[e]!);
      dfTotal += table.starts[i + 1]! - table.starts[i]!;
    }
    counted.set(key, { scope, documents: members.length, vocab: table.vocab, ...taken(), dfTotal, members });
  }
  const feeding = new Map<string, { scope: Scope; cells: ScopeCounts[] }>();
  for (const cell of counted.values()) {
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
    let documents = 0;
    let dfTotal = 0;
    const members: number[] = [];
    for (const cell of from) {
      documents += cell.documents;
      dfTotal += cell.dfTotal;
      for (const i of cell.members) members.push(i);
      cell.ids.forEach((id, k) => sum.add(id, cell.df[k]!, cell.tf[k]!));
    }
    members.sort((a, b) => a - b);
    scopes.push({ scope, documents, vocab: table.vocab, ...taken(), dfTotal, members });
  }
  return scopes.sort((a, b) => compareScopes(a.scope, b.scope));
}
