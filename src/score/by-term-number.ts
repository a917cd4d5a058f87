/*
 * Answers about a count table's terms asked by term number (its `vocab`), each worked out once, when
 * first asked: scoring asks them of every term of every scope, year or suggestion, where a lookup by
 * the term's string cost more than the answer.
 */

/** `f` of term number `id`, kept per number (a term whose value is NaN is asked again). */
export function valueByNumber(vocab: readonly string[], f: (term: string) => number): (id: number) => number {
  const kept = new Float64Array(vocab.length).fill(Number.NaN);
  return (id) => {
    let x = kept[id]!;
    if (Number.isNaN(x)) kept[id] = x = f(vocab[id]!);
    return x;
  };
}

/** `f` of term number `id`, kept per number. */
export function verdictByNumber(vocab: readonly string[], f: (term: string) => boolean): (id: number) => boolean {
  // 0: not asked yet, 1: yes, 2: no
  const kept = new Int8Array(vocab.length);
  return (id) => (kept[id] ||= f(vocab[id]!) ? 1 : 2) === 1;
}
