import { say } from '../index.ts';
import { speaker } from './cli-io.ts';
import { fullCollection, limitHeapGrowth } from './heap-growth.ts';
import { chooseLang, main } from './main.ts';

/**
 * The process shell: real streams, real exit code. Once a command asks for
 * it (`run`), SIGINT or SIGTERM stops the run at its next step (its
 * generation removed, the output folder as it was); a second one ends the
 * process at once (what it left is removed by the next run). The exit code is
 * then 128 + the signal's number. Other commands end at once, as usual.
 */
const stop = new AbortController();
const signalCodes = { SIGINT: 130, SIGTERM: 143 } as const;
const stopSignal = (): AbortSignal => {
  for (const name of ['SIGINT', 'SIGTERM'] as const) {
    if (process.listenerCount(name) > 0) continue;
    process.on(name, () => {
      if (stop.signal.aborted) process.exit(signalCodes[name]);
      const chosen = chooseLang(process.argv.slice(2), process.env);
      const t = speaker('lang' in chosen ? chosen.lang : 'zh');
      process.stderr.write(`${t(say('cli/stopping', { signal: name }))}\n`);
      stop.abort(name);
    });
  }
  return stop.signal;
};
const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: process.stderr.isTTY === true,
  env: process.env,
  collectGarbage: fullCollection(),
  limitHeapGrowth,
  stopSignal,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
});
// a stop that came after the run was published changes nothing: the run is whole, its code stands
process.exitCode = stop.signal.aborted && code !== 0 ? signalCodes[stop.signal.reason as keyof typeof signalCodes] : code;
