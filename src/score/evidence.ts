import { snippet } from '../corpus/snippet.ts';
import type { Scope } from './scopes.ts';
import { compareIds } from '../corpus/record.ts';

/**
 * The suggestions behind a hot word of a scope: every suggestion of the scope
 * that contains it, most occurrences first, then by id (a suggestion's
 * position is its place in the list, from 1).
 */
export interface KeywordEvidence extends Scope {
  term: string;
  documents: EvidenceRow[];
}

/**
 * One suggestion behind a hot word. Named as evidence.json names them, which
 * lists these objects as they are (at 100 MB of input there are 740,000: one
 * copy, of three fields, not a row per suggestion of seven fields and another
 * for the JSON).
 */
export interface EvidenceRow {
  id: string;
  /** Occurrences of the term in the suggestion. */
  count: number;
  /** `…before【term】after…`, for the first `snippets` suggestions (20); null after. */
  snippet: string | null;
}

export interface EvidenceDocument {
  id: string;
  category: string | null;
  year: number | null;
  /** The text passages are cut from (asked for only when a passage is wanted). */
  text: () => string;
  terms: ReadonlyMap<string, number>;
}

/**
 * For every keyword of every scope, the suggestions of the scope that contain
 * it (a keyword none contains has no entry). `surfaceForms` gives the strings a term may appear as in the text (its
 * synonyms), so a folded term still gets its passage.
 */
export function keywordEvidence(
  keywords: readonly (Scope & { term: string })[],
  docs: readonly EvidenceDocument[],
  surfaceForms: (term: string) => readonly string[],
  snippets = 20,
): KeywordEvidence[] {
  const wanted = new Set(keywords.map((k) => k.term));
  // per wanted term: the documents holding it, and its count in each (looked up once, not per comparison)
  const holders = new Map<string, { docs: number[]; counts: number[] }>();
  docs.forEach((d, i) => {
    d.terms.forEach((count, t) => {
      if (!wanted.has(t)) return;
      const h = holders.get(t);
      if (h) {
        h.docs.push(i);
        h.counts.push(count);
      } else holders.set(t, { docs: [i], counts: [count] });
    });
  });
  const out: KeywordEvidence[] = [];
  // the rows that get a passage, by document: each document's text is made once for all its
  // passages (made per row, a 15-million-character suggestion was stripped of markup 1,400 times)
  const wantsPassage = new Map<number, { row: EvidenceRow; term: string }[]>();
  for (const k of keywords) {
    const h = holders.get(k.term);
    if (!h) continue;
    // places in h of the scope's documents, most occurrences first, then by id
    const inScope: number[] = [];
    h.docs.forEach((i, x) => {
      if ((k.category === null || docs[i]!.category === k.category) && (k.year === null || docs[i]!.year === k.year)) inScope.push(x);
    });
    inScope.sort((a, b) => h.counts[b]! - h.counts[a]! || compareIds(docs[h.docs[a]!]!.id, docs[h.docs[b]!]!.id));
    if (inScope.length === 0) continue;
    const documents = inScope.map((x, position): EvidenceRow => {
      const d = h.docs[x]!;
      const row: EvidenceRow = { id: docs[d]!.id, count: h.counts[x]!, snippet: null };
      if (position < snippets) {
        const list = wantsPassage.get(d);
        if (list) list.push({ row, term: k.term });
        else wantsPassage.set(d, [{ row, term: k.term }]);
      }
      return row;
    });
    out.push({ category: k.category, year: k.year, term: k.term, documents });
  }
  for (const [d, rows] of wantsPassage) {
    const text = docs[d]!.text();
    for (const { row, term } of rows) {
      for (const form of surfaceForms(term)) {
        const passage = snippet(text, form);
        if (passage !== '') {
          row.snippet = passage;
          break;
        }
      }
    }
  }
  return out;
}
