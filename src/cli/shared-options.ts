import type { Command } from 'commander';
import { Option } from 'commander';
import type { FieldMap, SegmenterBackend } from '../index.ts';
import { parseFieldMap, SEGMENTER_BACKENDS } from '../index.ts';
import { UsageError } from './cli-io.ts';
import { readConfigFile } from './config-file.ts';

/** The flags `run`, `segment` share: how to read inputs and which dictionaries to use. */
export function addInputOptions(cmd: Command): Command {
  return cmd
    .option(
      '--map <pairs>',
      'source column of each field: id=编号,text=内容,… (fields: id title text category year session date unit result disclosed)',
    )
    .option('--sheet <name>', 'workbook sheet to read (default: the first); repeat it for several, or "all" for every sheet', collect)
    .option('--dict <files...>', 'extra user dictionaries (jieba "word freq pos" lines)')
    .option('--stopwords <files...>', 'extra stop-word lists (one word a line)')
    .option('--synonyms <files...>', 'extra synonym files ("alias … => canonical")')
    .addOption(new Option('--segmenter <backend>', 'segmenter backend').choices([...SEGMENTER_BACKENDS]))
    .option('--no-hmm', "turn off jieba's HMM for words not in the dictionaries")
    .option('--config <file>', 'hotwords.config.json with the same settings (flags win)');
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
    throw new UsageError((e as Error).message);
  }
  const segmenter = (opts.segmenter as string | undefined) ?? config.segmenter ?? 'node-rs';
  if (!(SEGMENTER_BACKENDS as readonly string[]).includes(segmenter)) {
    throw new UsageError(`unknown segmenter "${segmenter}" (choices: ${SEGMENTER_BACKENDS.join(', ')})`);
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
