import type { DictionaryCandidate } from '../score/dictionary-gaps.ts';

/**
 * A dictionary candidate as a ready-to-review jieba user-dictionary line:
 * `term freq n`, frequency as the civic dictionary uses (at least 2000, so
 * the word comes out whole), with the evidence as a trailing comment line above.
 */
export function userDictLine(c: DictionaryCandidate): string {
  return `${c.term} ${Math.max(2000, c.freq)} n`;
}

/** The review file `hotwords dict-gaps` prints: a comment with the evidence, then the line. */
export function userDictReview(candidates: readonly DictionaryCandidate[]): string {
  return candidates
    .map(
      (c) =>
        `# ${c.rank}. freq ${c.freq} in ${c.docs} suggestions, PMI ${c.pmi.toFixed(1)}, ` +
        `entropy ${c.leftEntropy.toFixed(1)}/${c.rightEntropy.toFixed(1)} — ${c.example} (${c.exampleId})\n${userDictLine(c)}\n`,
    )
    .join('');
}
