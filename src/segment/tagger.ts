import type { Segmenter, TaggedWord } from './segmenter.ts';

/** The segmenter's tagging with the tags of `fixes` (dictionaries/tag-fixes.txt) in place of jieba's. */
export function fixedTagger(segmenter: Pick<Segmenter, 'tag'>, fixes: ReadonlyMap<string, string>): (text: string) => TaggedWord[] {
  return (text) =>
    segmenter.tag(text).map((w) => {
      const tag = fixes.get(w.word);
      return tag === undefined ? w : { word: w.word, tag };
    });
}
