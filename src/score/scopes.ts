/** A slice of the corpus: a category and a year, either of which may be "all" (null). */
export interface Scope {
  category: string | null;
  year: number | null;
}

/** The document fields scoping needs. */
export interface ScopedDocument {
  category: string | null;
  year: number | null;
}

/** `category|year` with `*` for all: a stable map key. */
export function scopeKey(s: Scope): string {
  return `${s.category ?? '*'}|${s.year ?? '*'}`;
}

/**
 * Every scope a document belongs to: (category, year), (category, all),
 * (all, year) and (all, all); a document without a category or year only
 * joins the "all" side of that dimension.
 */
export function scopesOf(doc: ScopedDocument): Scope[] {
  const cats = doc.category === null ? [null] : [doc.category, null];
  const years = doc.year === null ? [null] : [doc.year, null];
  const out: Scope[] = [];
  for (const category of cats) for (const year of years) out.push({ category, year });
  return out;
}

/** Every scope at least one of `docs` belongs to, each once (in no particular order). */
export function scopesOfDocuments(docs: readonly ScopedDocument[]): Scope[] {
  return [...new Map(docs.flatMap(scopesOf).map((s) => [scopeKey(s), s])).values()];
}

/** Scopes in a fixed order: categories by code point, nulls ("all") last; then years ascending. */
export function compareScopes(a: Scope, b: Scope): number {
  if (a.category !== b.category) {
    if (a.category === null) return 1;
    if (b.category === null) return -1;
    return a.category < b.category ? -1 : 1;
  }
  if (a.year !== b.year) {
    if (a.year === null) return 1;
    if (b.year === null) return -1;
    return a.year - b.year;
  }
  return 0;
}
