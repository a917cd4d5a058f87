// How far V8 lets a heap grow between full collections, set by the process that runs the job (the
// `hotwords` command, the bench), never by the library. By default the old generation may grow to
// about four times what survived the last full collection, so the scoring stage's short-lived rows
// pile up to about 750 MB before the next one at 100 MB of input. 1.5 times keeps the peak near
// what is live: on the 97 MB bench corpus, peak RSS 1281 / 1286 / 1287 MB without, 1020 / 1054 /
// 1009 MB with, in three pairs of runs, whole runs no slower (100.1 vs 99.1 s, 102.2 vs 96.9 s).
// A small job pays for it in collections and gains nothing it needs: on the 11 MB bench corpus the
// whole job took 13.26-13.74 s with the limit and 12.75-13.12 s without (three alternating pairs),
// at 536-543 against 561-574 MB of peak. So `run` limits the growth from LIMITED_FROM_BYTES of
// input; the other commands always (a rebuild reads a stored corpus of any size).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Input from which `run` limits the heap's growth: between the 11 MB measured without and the 54 MB measured with. */
export const LIMITED_FROM_BYTES = 25_000_000;

/** Keep the old generation near what is live (growth 1.5 times, not about 4), for a job of `inputBytes` (default: any size). */
export function limitHeapGrowth(inputBytes = Infinity): void {
  if (inputBytes >= LIMITED_FROM_BYTES) setFlagsFromString('--heap-growing-percent=50');
}

// V8's full collection, for the process that runs the job to hand to `run` (RunOptions.collectGarbage):
// once scoring is done, a collection keeps its garbage from sitting beside the largest topic scope's
// matrices. Measured on the bench corpus, one pair of runs each: peak RSS 856 vs 910 MB at 54 MB,
// 944 vs 1005 MB at 97 MB.
export function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
