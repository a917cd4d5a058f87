import { createNodeRsSegmenter } from './node-rs-segmenter.ts';
import { createNodejiebaSegmenter } from './nodejieba-segmenter.ts';
import type { Segmenter, SegmenterOptions } from './segmenter.ts';

/** A segmenter of the chosen backend over the given user words. */
export function createSegmenter(options: SegmenterOptions): Segmenter {
  return options.backend === 'nodejieba' ? createNodejiebaSegmenter(options) : createNodeRsSegmenter(options);
}
