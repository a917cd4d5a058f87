/**
 * `npm run bench`: the performance issue's figures. Builds a corpus from the
 * message texts of ../shared/data/tipdm2020-messages (labelled, hot and
 * replied messages, ~9,400 messages), replicated with new ids to ~50 and
 * ~100 MB; runs the whole job on each (fresh database, default settings,
 * each in its own process) and prints records/s, MB/s, stage seconds and
 * peak RSS; in the same run: raw segmentation (the limit), the segment stage
 * with 1 and 2 workers, adding a 10% session to a stored corpus, the Python
 * peer on the 12 MB input, and natural's TfIdf on the same tokens. Writes
 * bench/RESULTS.md. `npm run bench -- --sizes 12` for the first size only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARED_DATA } from '../shared-data.ts';
import { benchMessages, writeBenchCorpus } from './bench-corpus.ts';

const PEER = join(SHARED_DATA, '..', 'bench', 'peer_jieba_sklearn.py');
const RESULTS = fileURLToPath(new URL('../../bench/RESULTS.md', import.meta.url));
const sizesArg = process.argv.indexOf('--sizes');
const SIZES = sizesArg > 0 ? process.argv[sizesArg + 1]!.split(',').map(Number) : [12, 50, 100];
const work = mkdtempSync(join(tmpdir(), 'hotwords-bench-'));
const lines: string[] = [];
const say = (s = ''): void => {
  console.log(s);
  lines.push(s);
};
const mb = (bytes: number): number => bytes / 1e6;

// 1. the corpus: every message text, with its title, label (where labelled) and year
const base = await benchMessages();
const baseBytes = Buffer.byteLength(base.join('\n'));
const written = new Map<string, { path: string; records: number; bytes: number }>();
/** The corpus of about `sizeMb`, records [from, to) of it, written once per name. */
function corpus(
  sizeMb: number,
  name = `corpus-${sizeMb}mb.jsonl`,
  from = 0,
  to = Infinity,
): { path: string; records: number; bytes: number } {
  const done = written.get(name);
  if (done) return done;
  const path = join(work, name);
  const records = writeBenchCorpus(base, sizeMb, path, from, to);
  written.set(name, { path, records, bytes: statSync(path).size });
  return written.get(name)!;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a child process's JSON, read field by field
type ChildResult = Record<string, any>;

function child(args: string[], timeoutMinutes = 30): ChildResult | null {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    encoding: 'utf8',
    timeout: timeoutMinutes * 60_000,
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) {
    say(`(${args.slice(0, 2).join(' ')} failed: ${r.error?.message ?? r.stderr.split('\n').slice(-5).join(' ')})`);
    return null;
  }
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildResult;
}
const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));

say(`# hotwords benchmark — ${new Date().toISOString().slice(0, 10)}`);
say();
say(
  `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Corpus: ${base.length} messages, ${mb(baseBytes).toFixed(1)} MB of JSONL, replicated with new ids.`,
);
say();
say('| input | records | whole job s | records/s | MB/s | raw segmentation s (1 thread) | job ÷ raw | peak RSS MB | stages (s) |');
say('|---|---|---|---|---|---|---|---|---|');
const full: Record<number, ChildResult> = {};
for (const size of SIZES) {
  const c = corpus(size);
  const limit = child([here('./bench-child.ts'), 'limit', c.path]);
  const r = child([here('./bench-child.ts'), 'full', c.path, join(work, `out-${size}`), '2']);
  if (r) full[size] = { ...r, bytes: c.bytes };
  const stages = r
    ? Object.entries(r.timings as Record<string, number>)
        .filter(([, s]) => s >= 0.05)
        .map(([k, s]) => `${k} ${s.toFixed(1)}`)
        .join(', ')
    : '—';
  say(
    `| ${mb(c.bytes).toFixed(0)} MB | ${c.records} | ${r ? r.seconds.toFixed(1) : '—'} | ${r ? Math.round(c.records / r.seconds) : '—'} | ${r ? (mb(c.bytes) / r.seconds).toFixed(2) : '—'} | ${limit ? limit.seconds.toFixed(1) : '—'} | ${r && limit ? (r.seconds / limit.seconds).toFixed(1) : '—'} | ${r ? r.peakRssMb : '—'} | ${stages} |`,
  );
  rmSync(join(work, `out-${size}`), { recursive: true, force: true });
}

// 2. the segment stage with one and two workers, on the first and the largest size
say();
for (const size of new Set([SIZES[0]!, SIZES.at(-1)!])) {
  const c = corpus(size);
  const one = child([here('./bench-child.ts'), 'segment', c.path, '1']);
  const two = child([here('./bench-child.ts'), 'segment', c.path, '2']);
  say(
    `Segment stage on ${mb(c.bytes).toFixed(0)} MB: 1 thread ${one?.seconds.toFixed(2)} s, 2 threads (this one and a worker, started before the input is read as in a run, which loads tsx and the dictionaries meanwhile) ${two?.seconds.toFixed(2)} s → ${one && two ? (one.seconds / two.seconds).toFixed(2) : '—'}× (target ≥ 1.6×).`,
  );
}
const first = corpus(SIZES[0]!);

// 3. adding a session of 10% new records to a stored corpus of the other 90%
{
  const n = first.records;
  const older = corpus(SIZES[0]!, 'older.jsonl', 0, Math.round(n * 0.9));
  const session = corpus(SIZES[0]!, 'session.jsonl', Math.round(n * 0.9));
  const out = join(work, 'incremental');
  child([here('./bench-child.ts'), 'full', older.path, out, '2']);
  const add = child([here('./bench-child.ts'), 'full', session.path, out, '2', '--add']);
  const whole = full[SIZES[0]!];
  say(
    `Adding a 10% session (${session.records} records) to a stored ${older.records}: ${add?.seconds.toFixed(1)} s = ${add && whole ? ((100 * add.seconds) / whole.seconds).toFixed(0) : '—'}% of the full run (target ≤ 20%); stages: ${
      add
        ? Object.entries(add.timings as Record<string, number>)
            .filter(([, s]) => s >= 0.05)
            .map(([k, s]) => `${k} ${s.toFixed(1)}`)
            .join(', ')
        : '—'
    }.`,
  );
}

// what topics cost: the first size again without them
{
  const out = join(work, 'no-topics');
  const r = child([here('./bench-child.ts'), 'full', first.path, out, '2', '--no-topics']);
  const whole = full[SIZES[0]!];
  say(
    `The whole job on ${mb(first.bytes).toFixed(0)} MB without topics (\`--no-topics\`): ${r?.seconds.toFixed(1)} s (with them ${whole?.seconds.toFixed(1)} s), peak RSS ${r?.peakRssMb} MB.`,
  );
  rmSync(out, { recursive: true, force: true });
}

// 4. natural's TfIdf against plain Maps on the same tokens
const nat = child([here('./natural-child.ts'), first.path], 20);
say(
  `Keyword stage on the same tokens (${nat?.documents} documents, every document's top terms by TF-IDF): natural TfIdf ${nat?.naturalSeconds.toFixed(1)} s, plain Maps ${nat?.mapSeconds.toFixed(2)} s (${nat ? (nat.naturalSeconds / nat.mapSeconds).toFixed(0) : '—'}× slower); our whole score stage (all scopes, G², log-odds, trends, phrases, evidence) is in the stage column above.`,
);

// 5. the peer on the first size
if (existsSync('/usr/bin/python3') && existsSync(PEER)) {
  const t0 = performance.now();
  const peer = spawnSync('/usr/bin/time', ['-f', '%M', '/usr/bin/python3', PEER, first.path, '--out', join(work, 'peer')], {
    encoding: 'utf8',
    timeout: 3_600_000,
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t0) / 1000;
  const rss = Math.round(Number(peer.stderr.trim().split('\n').at(-1)) / 1024);
  const ours = full[SIZES[0]!];
  say(
    `Peer (${PEER.split('/').slice(-1)[0]}, jieba + scikit-learn + wordcloud) on the same ${mb(first.bytes).toFixed(0)} MB: ${peer.status === 0 ? `${seconds.toFixed(1)} s, peak RSS ${rss} MB` : `failed: ${peer.stderr.slice(-300)}`}; ours ${ours?.seconds.toFixed(1)} s → ${peer.status === 0 && ours ? (seconds / ours.seconds).toFixed(1) : '—'}× faster (target ≥ 10×). Peer stage timings: ${peer.stdout.trim().split('\n').at(-1)}`,
  );
} else {
  say(
    'Peer: /usr/bin/python3 or the peer script is missing (apt-get install python3-jieba python3-sklearn python3-wordcloud fonts-noto-cjk).',
  );
}
writeFileSync(RESULTS, `${lines.join('\n')}\n\nReproduce: \`npm run bench\` (writes this file).\n`);
rmSync(work, { recursive: true, force: true });
console.log(`\nwritten ${RESULTS}`);
