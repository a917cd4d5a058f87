/** Where the CLI writes: the real streams in `main.ts`, buffers in tests. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stderr is a terminal (progress lines only then). */
  isTTY: boolean;
  /** Reads all of standard input (for `segment -`). */
  readStdin: () => Promise<string>;
  /** The process's full garbage collection, for `run` (RunOptions.collectGarbage); absent in tests. */
  collectGarbage?: () => void;
  /**
   * From the moment it is called, SIGINT and SIGTERM no longer end the process at once but abort
   * the signal it returns (`run` then ends at its next step, keeping nothing); absent in tests.
   */
  stopSignal?: () => AbortSignal;
}

/** A usage error: exit code 2. */
export class UsageError extends Error {}
