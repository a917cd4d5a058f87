import type { Lang } from '../messages.ts';
import { inLang, say } from '../messages.ts';
import type { DictionaryCandidate } from '../score/dictionary-gaps.ts';

/**
 * A dictionary candidate as a ready-to-review jieba user-dictionary line:
 * `term freq n`, frequency as the civic dictionary uses (at least 2000, so
 * the word comes out whole), with the evidence as a trailing comment line above.
 */
export function userDictLine(c: DictionaryCandidate): string {
  return `${c.term} ${Math.max(2000, c.freq)} n`;
}

/** The review file `hotwords dict-gaps` prints: a comment with the evidence (in `lang`), then the line. */
export function userDictReview(candidates: readonly DictionaryCandidate[], lang: Lang = 'zh'): string {
  return candidates
    .map((c) => {
      const evidence = say('cli/gap-evidence', {
        rank: c.rank,
        freq: c.freq,
        docs: c.docs,
        pmi: c.pmi.toFixed(1),
        left: c.leftEntropy.toFixed(1),
        right: c.rightEntropy.toFixed(1),
        example: c.example,
        id: c.exampleId,
      });
      return `${inLang(evidence, lang)}\n${userDictLine(c)}\n`;
    })
    .join('');
}
