import type { Lexicon } from './lexicon.ts';
import { mainDictionaryWords } from './node-rs-segmenter.ts';
import type { Segmenter } from './segmenter.ts';

/**
 * What a dictionary-gap candidate must not be: a word the main or user
 * dictionaries (or synonyms) already have, a stop word, or a string the
 * segmenter cuts into pieces of which one is a stop word (什么+时候,
 * 严重+影响): boilerplate, not a new word.
 */
export function gapExclusion(lexicon: Lexicon, segmenter: Segmenter): (term: string) => boolean {
  const known = mainDictionaryWords();
  return (term) => {
    if (known.has(term) || lexicon.entered.has(term) || lexicon.stopwords.has(term) || lexicon.synonyms.has(term)) return true;
    const tokens = segmenter.cut(term);
    return tokens.length > 1 && tokens.some((t) => lexicon.stopwords.has(lexicon.synonyms.get(t) ?? t));
  };
}
