import type { Command } from 'commander';
import { Option } from 'commander';
import type { FieldMap, SegmenterBackend } from '../index.ts';
import { FieldMapError, parseFieldMap, say, SEGMENTER_BACKENDS } from '../index.ts';
import type { Say } from './cli-io.ts';
import { UsageError } from './cli-io.ts';
import { readConfigFile } from './config-file.ts';

/** The flags `run`, `segment` share: how to read inputs and which dictionaries to use. */
export function addInputOptions(cmd: Command, t: Say): Command {
  return cmd
    .option('--map <pairs>', t(say('help/map')))
    .option('--sheet <name>', t(say('help/sheet')), collect)
    .option('--dict <files...>', t(say('help/dict')))
    .option('--stopwords <files...>', t(say('help/stopwords')))
    .option('--synonyms <files...>', t(say('help/synonyms')))
    .addOption(new Option('--segmenter <backend>', t(say('help/segmenter'))).choices([...SEGMENTER_BACKENDS]))
    .option('--no-hmm', t(say('help/no-hmm')))
    .option('--config <file>', t(say('help/config')));
}

export interface InputSettings {
  map: FieldMap;
  sheet?: string[];
  dicts?: string[];
  stopwords?: string[];
  synonyms?: string[];
  segmenter: SegmenterBackend;
  hmm: boolean;
}

/** Merge the config file (if any) under the flags. */
export function inputSettings(opts: Record<string, unknown>): InputSettings {
  const config = typeof opts.config === 'string' ? readConfigFile(opts.config) : {};
  let map: FieldMap;
  try {
    const fromConfig = config.map
      ? parseFieldMap(
          Object.entries(config.map)
            .map(([k, v]) => `${k}=${v}`)
            .join(','),
        )
      : {};
    map = { ...fromConfig, ...(typeof opts.map === 'string' ? parseFieldMap(opts.map) : {}) };
  } catch (e) {
    if (e instanceof FieldMapError) throw new UsageError(e.said);
    throw e;
  }
  const segmenter = (opts.segmenter as string | undefined) ?? config.segmenter ?? 'node-rs';
  if (!(SEGMENTER_BACKENDS as readonly string[]).includes(segmenter)) {
    throw new UsageError(say('cli/unknown-segmenter', { name: segmenter, choices: SEGMENTER_BACKENDS.join(', ') }));
  }
  return {
    map,
    sheet: (opts.sheet as string[] | undefined) ?? config.sheet,
    dicts: [...(config.dict ?? []), ...((opts.dict as string[] | undefined) ?? [])],
    stopwords: [...(config.stopwords ?? []), ...((opts.stopwords as string[] | undefined) ?? [])],
    synonyms: [...(config.synonyms ?? []), ...((opts.synonyms as string[] | undefined) ?? [])],
    segmenter: segmenter as SegmenterBackend,
    hmm: opts.hmm === false ? false : (config.hmm ?? true),
  };
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
