/** Word-level precision, recall and F1 of a segmentation against gold, counted as character spans. */
export interface SegmentScore {
  precision: number;
  recall: number;
  f1: number;
  goldWords: number;
}

export function scoreSegmentation(pairs: Iterable<{ predicted: string[]; gold: string[] }>): SegmentScore {
  let correct = 0;
  let predictedCount = 0;
  let goldCount = 0;
  for (const { predicted, gold } of pairs) {
    const g = new Set(spans(gold));
    const p = spans(predicted);
    predictedCount += p.length;
    goldCount += g.size;
    for (const s of p) if (g.has(s)) correct++;
  }
  const precision = correct / predictedCount;
  const recall = correct / goldCount;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall), goldWords: goldCount };
}

function spans(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let pos = 0;
  for (const t of tokens) {
    const len = [...t].length;
    out.push(`${pos}:${pos + len}`);
    pos += len;
  }
  return out;
}
