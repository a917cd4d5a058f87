// How far V8 lets a heap grow between full collections, set by the process that runs the job (the
// `hotwords` command, the bench), never by the library. By default the old generation may grow to
// about four times what survived the last full collection, so the scoring stage's short-lived rows
// pile up to about 750 MB before the next one at 100 MB of input. 1.5 times keeps the peak near
// what is live: on the 97 MB bench corpus, peak RSS 1281 / 1286 / 1287 MB without, 1020 / 1054 /
// 1009 MB with, in three pairs of runs, whole runs no slower (100.1 vs 99.1 s, 102.2 vs 96.9 s).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function limitHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=50');
}

// V8's full collection, for the process that runs the job to hand to `run` (RunOptions.collectGarbage):
// once scoring is done, a collection keeps its garbage from sitting beside the largest topic scope's
// matrices. Measured on the bench corpus, one pair of runs each: peak RSS 856 vs 910 MB at 54 MB,
// 944 vs 1005 MB at 97 MB.
export function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
