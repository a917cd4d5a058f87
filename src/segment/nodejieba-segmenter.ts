import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FatalError } from '../diagnostics.ts';
import { say } from '../messages.ts';
import { mainDictionaryPath } from './node-rs-segmenter.ts';
import type { Segmenter, SegmenterOptions } from './segmenter.ts';
import { userDictText } from './segmenter.ts';

interface NodeJieba {
  load(options: { dict: string; hmmDict: string; userDict: string; idfDict: string; stopWordDict: string }): void;
  cut(text: string, hmm?: boolean): string[];
  tag(text: string): { word: string; tag: string }[];
  cutForSearch(text: string, hmm?: boolean): string[];
}

/**
 * nodejieba holds one dictionary per process, so this module is its only
 * importer: it loads once and remembers which dictionaries; asking for
 * another set in the same process is a fatal error instead of silently
 * changing every other caller's results.
 */
const loaded = new Map<'key', string>();

export function createNodejiebaSegmenter(options: SegmenterOptions): Segmenter {
  const require = createRequire(import.meta.url);
  let nodejieba: NodeJieba;
  try {
    nodejieba = require('nodejieba') as NodeJieba;
  } catch (e) {
    throw new FatalError({
      file: 'nodejieba',
      line: 0,
      source: 'segment',
      ruleId: 'segment/backend-missing',
      ...say('segment/backend-missing', { detail: (e as Error).message.split('\n')[0]! }),
    });
  }
  const userText = userDictText(options.userWords);
  const key = createHash('sha256').update(userText).digest('hex');
  const prior = loaded.get('key');
  if (prior !== undefined && prior !== key) {
    throw new FatalError({
      file: 'nodejieba',
      line: 0,
      source: 'segment',
      ruleId: 'segment/nodejieba-reload',
      ...say('segment/nodejieba-reload'),
    });
  }
  if (prior === undefined) {
    const cppDict = join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict');
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-nodejieba-'));
    try {
      const userDict = join(dir, 'user.dict.utf8');
      // cppjieba reads every line as a word (no comments), so it gets a clean copy
      writeFileSync(userDict, userText || '\n');
      const paths = {
        dict: mainDictionaryPath(),
        hmmDict: join(cppDict, 'hmm_model.utf8'),
        userDict,
        idfDict: join(cppDict, 'idf.utf8'),
        stopWordDict: join(cppDict, 'stop_words.utf8'),
      };
      // a missing path aborts the whole process inside cppjieba: check first
      for (const [name, p] of Object.entries(paths)) {
        if (!existsSync(p)) {
          throw new FatalError({
            file: p,
            line: 0,
            source: 'segment',
            ruleId: 'segment/missing-dictionary',
            ...say('segment/missing-dictionary', { name }),
          });
        }
      }
      nodejieba.load(paths);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    loaded.set('key', key);
  }
  const hmm = options.hmm ?? true;
  return {
    backend: 'nodejieba',
    cut: (text) => nodejieba.cut(text, hmm),
    tag: (text) => nodejieba.tag(text),
    subWords: (text) => nodejieba.cutForSearch(text, hmm),
  };
}
