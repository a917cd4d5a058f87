import type { Lang, Reason } from '../index.ts';
import { inLang } from '../index.ts';

/** Where the CLI writes: the real streams in `main.ts`, buffers in tests. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stderr is a terminal (progress lines only then). */
  isTTY: boolean;
  /** Reads all of standard input (for `segment -`). */
  readStdin: () => Promise<string>;
  /** The process's environment, for the language (`LC_ALL`, `LC_MESSAGES`, `LANG`); absent: Chinese. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The process's full garbage collection, for `run` (RunOptions.collectGarbage); absent in tests. */
  collectGarbage?: () => void;
  /** Limit the heap's growth for a job of so many input bytes (heap-growth.ts); absent in tests. */
  limitHeapGrowth?: (inputBytes: number) => void;
  /**
   * From the moment it is called, SIGINT and SIGTERM no longer end the process at once but abort
   * the signal it returns (`run` then ends at its next step, keeping nothing); absent in tests.
   */
  stopSignal?: () => AbortSignal;
}

/** What a command says, in the language of this invocation. */
export type Say = (r: Reason) => string;

/** `say`'s result in `lang`. */
export function speaker(lang: Lang): Say {
  return (r) => inLang(r, lang);
}

/** A usage error: exit code 2, said in both languages. */
export class UsageError extends Error {
  readonly said: Reason;
  constructor(said: Reason) {
    super(said.reason);
    this.said = said;
  }
}
