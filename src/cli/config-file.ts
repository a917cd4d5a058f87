import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { MessageId } from '../index.ts';
import { FatalError, say } from '../index.ts';

/** `hotwords.config.json`: the same settings as the flags; flags win. Paths are relative to the file. */
export interface ConfigFile {
  map?: Record<string, string>;
  dict?: string[];
  stopwords?: string[];
  synonyms?: string[];
  segmenter?: string;
  /** A sheet name, several, or "all". */
  sheet?: string[];
  hmm?: boolean;
}

const KEYS = new Set(['map', 'dict', 'stopwords', 'synonyms', 'segmenter', 'sheet', 'hmm']);

export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new FatalError({
      file: path,
      line: 0,
      source: 'config',
      ruleId: 'config/unreadable',
      ...say('config/unreadable', { cause: (e as NodeJS.ErrnoException).code ?? (e as Error).message }),
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const line = text.slice(0, jsonErrorOffset(text)).split('\n').length;
    throw new FatalError({
      file: path,
      line,
      source: 'config',
      ruleId: 'config/bad-json',
      ...say('config/bad-json', { detail: (e as Error).message }),
    });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FatalError({
      file: path,
      line: 1,
      source: 'config',
      ruleId: 'config/bad-json',
      ...say('config/not-object'),
    });
  }
  const config = value as Record<string, unknown>;
  for (const k of Object.keys(config)) {
    if (!KEYS.has(k))
      throw new FatalError({
        file: path,
        line: 1,
        source: 'config',
        ruleId: 'config/unknown-key',
        ...say('config/unknown-key', { key: k, keys: [...KEYS].join(', ') }),
      });
  }
  const base = dirname(path);
  /** A list of strings under `k`, or a FatalError saying what `k` must be. */
  const strings = (k: string, must: MessageId): string[] | undefined => {
    const v = config[k];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      throw new FatalError({
        file: path,
        line: 1,
        source: 'config',
        ruleId: 'config/bad-value',
        ...say('config/bad-value', { key: k, must: say(must) }),
      });
    }
    return v;
  };
  const paths = (k: 'dict' | 'stopwords' | 'synonyms'): string[] | undefined =>
    strings(k, 'config/must-paths')?.map((p) => resolve(base, p));
  const sheets = (): string[] | undefined => (typeof config.sheet === 'string' ? [config.sheet] : strings('sheet', 'config/must-sheets'));
  return {
    map: config.map as Record<string, string> | undefined,
    dict: paths('dict'),
    stopwords: paths('stopwords'),
    synonyms: paths('synonyms'),
    segmenter: config.segmenter as string | undefined,
    sheet: sheets(),
    hmm: config.hmm as boolean | undefined,
  };
}

/**
 * Where JSON.parse first fails in `text`: the shortest prefix that fails
 * before its end (every prefix of valid JSON fails only by ending early),
 * found by bisection, since Node's messages do not always give a position.
 */
function jsonErrorOffset(text: string): number {
  const failsInside = (n: number): boolean => {
    try {
      JSON.parse(text.slice(0, n));
      return false;
    } catch (e) {
      const message = (e as Error).message;
      if (/end of JSON input|Unterminated/i.test(message)) return false;
      const at = /position (\d+)/.exec(message);
      return at ? Number(at[1]) < n : true;
    }
  };
  let lo = 0;
  let hi = text.length;
  if (!failsInside(hi)) return hi;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsInside(mid)) hi = mid;
    else lo = mid + 1;
  }
  return Math.max(0, lo - 1);
}
