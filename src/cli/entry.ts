import { fullCollection } from './heap-growth.ts';
import { main } from './main.ts';

/** The process shell: real streams, real exit code. */
const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: process.stderr.isTTY === true,
  collectGarbage: fullCollection(),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
});
process.exitCode = code;
