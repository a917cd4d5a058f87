import { createHash } from 'node:crypto';

/**
 * A content hash of everything a run's dictionary gaps (candidates and split
 * words) depend on: how suggestions are segmented (segmentationKey: the
 * dictionaries, backend, packages and segmenter code), the code that finds
 * the gaps (scoreCodeHash), and every suggestion's id and text, in id order.
 * A run whose key is the last run's keeps the stored gaps instead of finding
 * them again: they would be the same rows.
 */
export function dictionaryGapsKey(texts: readonly { id: string; text: string }[], segmentation: string, codeHash: string): string {
  const hash = createHash('sha256').update(`${segmentation}\u0000${codeHash}\u0000`);
  for (const t of texts) hash.update(`${t.id}\u0001${t.text}\u0002`);
  return hash.digest('hex');
}
