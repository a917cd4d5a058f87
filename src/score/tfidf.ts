/**
 * IDF for the corpus at hand, blended with a background IDF (jieba's, from a
 * large general corpus) so that a small corpus — a district session has about
 * a hundred suggestions — does not call a word rare just because it was
 * raised once: idf = λ·idf_corpus + (1−λ)·idf_background with
 * λ = N / (N + backgroundWeight). Terms the background lacks get its median.
 */
export function blendedIdf(
  df: ReadonlyMap<string, number>,
  documents: number,
  background: ReadonlyMap<string, number>,
  backgroundWeight = 500,
): (term: string) => number {
  const lambda = documents / (documents + backgroundWeight);
  const bgValues = [...background.values()].sort((a, b) => a - b);
  const bgMedian = bgValues.length > 0 ? bgValues[Math.floor(bgValues.length / 2)]! : 0;
  return (term) => {
    const corpusIdf = Math.log((documents + 1) / ((df.get(term) ?? 0) + 1)) + 1;
    const bg = background.size > 0 ? (background.get(term) ?? bgMedian) : corpusIdf;
    return lambda * corpusIdf + (1 - lambda) * bg;
  };
}
