/**
 * The scoring issue's yardsticks for per-category hot-word lists.
 * list-F1: a message goes to the category whose top-20 list it matches best,
 * each listed word found in title+text (substring) adding (21 − rank)/20;
 * macro-F1 against the true labels. Messages matching nothing count as wrong.
 */
export interface LabelledText {
  text: string;
  label: string;
}

export function listF1(lists: ReadonlyMap<string, readonly string[]>, messages: readonly LabelledText[]): number {
  const labels = [...lists.keys()].sort();
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  for (const m of messages) {
    let best: string | null = null;
    let bestScore = 0;
    for (const label of labels) {
      let score = 0;
      lists
        .get(label)!
        .slice(0, 20)
        .forEach((w, i) => {
          if (m.text.includes(w)) score += (21 - (i + 1)) / 20;
        });
      if (score > bestScore) {
        bestScore = score;
        best = label;
      }
    }
    if (best === m.label) tp.set(best, (tp.get(best) ?? 0) + 1);
    else {
      if (best !== null) fp.set(best, (fp.get(best) ?? 0) + 1);
      fn.set(m.label, (fn.get(m.label) ?? 0) + 1);
    }
  }
  let sum = 0;
  for (const label of labels) {
    const t = tp.get(label) ?? 0;
    const p = t + (fp.get(label) ?? 0) === 0 ? 0 : t / (t + (fp.get(label) ?? 0));
    const r = t + (fn.get(label) ?? 0) === 0 ? 0 : t / (t + (fn.get(label) ?? 0));
    sum += p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }
  return sum / labels.length;
}

/** Share of the distinct words of all top-20 lists that stand in `minLists` or more of them. */
export function genericShare(lists: ReadonlyMap<string, readonly string[]>, minLists = 4): number {
  const count = new Map<string, number>();
  for (const l of lists.values()) for (const w of new Set(l.slice(0, 20))) count.set(w, (count.get(w) ?? 0) + 1);
  const generic = [...count.values()].filter((c) => c >= minLists).length;
  return count.size === 0 ? 0 : generic / count.size;
}

/** Share of messages containing at least one word of some list. */
export function coverage(lists: ReadonlyMap<string, readonly string[]>, messages: readonly LabelledText[]): number {
  const words = [...new Set([...lists.values()].flatMap((l) => l.slice(0, 20)))];
  return messages.filter((m) => words.some((w) => m.text.includes(w))).length / messages.length;
}
