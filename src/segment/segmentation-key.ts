import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a suggestion's term and pair counts depend on besides its title and text. */
export interface SegmentationSetting {
  backend: string;
  hmm: boolean;
  /** The dictionary files by kind and content (stored-corpus.ts dictionaryKey). */
  dictionaries: string;
  /** The segmenter packages' versions. */
  packages: Readonly<Record<string, string>>;
}

/**
 * A hash of everything that makes a suggestion's counts other than its title
 * and text: the backend, HMM, the dictionaries' contents, the segmenter
 * packages' versions, and every module of segment/ as this process runs
 * them. A run stores it (runs.parameters `segmentation`); the next run takes
 * the stored counts of a suggestion it reads again unchanged when the key is
 * the same (the counts would come out the same bits), and segments every
 * suggestion again when anything here changed.
 */
export function segmentationKey(setting: SegmentationSetting): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([setting.backend, setting.hmm, setting.dictionaries, Object.entries(setting.packages).sort()]));
  const dir = fileURLToPath(new URL('.', import.meta.url));
  for (const name of readdirSync(dir).sort()) if (/\.(js|ts)$/.test(name)) hash.update(name).update(readFileSync(join(dir, name)));
  return hash.digest('hex');
}
