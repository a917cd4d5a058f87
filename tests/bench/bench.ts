/**
 * `npm run bench`: the performance issue's figures. Builds a corpus from the
 * message texts of ../shared/data/tipdm2020-messages (labelled, hot and
 * replied messages, ~9,400 messages), replicated with new ids to ~50 and
 * ~100 MB; runs the whole job on each (fresh database, default settings,
 * each in its own process) and prints records/s, MB/s, stage seconds and
 * peak RSS; in the same run: raw segmentation (the limit), the segment stage
 * with 1 and 2 workers, adding a 10% session to a stored corpus and running
 * it again with no new input, the Python peer on the 12 MB input, and
 * natural's TfIdf on the same tokens. Writes bench/RESULTS.md.
 * `npm run bench -- --sizes 12` for the first size only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { nmi } from '../nmi.ts';
import { SHARED_DATA } from '../shared-data.ts';
import { benchMessages, lastYear, writeBenchCorpus } from './bench-corpus.ts';

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
/** The corpus of about `sizeMb`, records [from, to) of it (each of year `year` when given), written once per name. */
function corpus(
  sizeMb: number,
  name = `corpus-${sizeMb}mb.jsonl`,
  from = 0,
  to = Infinity,
  year?: number,
): { path: string; records: number; bytes: number } {
  const done = written.get(name);
  if (done) return done;
  const path = join(work, name);
  const records = writeBenchCorpus(base, sizeMb, path, from, to, year);
  written.set(name, { path, records, bytes: statSync(path).size });
  return written.get(name)!;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a child process's JSON, read field by field
type ChildResult = Record<string, any>;

/** A child process: a plain JavaScript one (run-child.mjs, the compiled code) as it is, a TypeScript one under tsx. */
function child(args: string[], timeoutMinutes = 30): ChildResult | null {
  const r = spawnSync(process.execPath, [...(args[0]!.endsWith('.ts') ? ['--import', 'tsx'] : []), ...args], {
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
/** A whole job's stages of 0.05 s or more, as `stage seconds` listed: its runs.timings. */
const stagesOf = (r: ChildResult | null): string =>
  r
    ? Object.entries(r.timings as Record<string, number>)
        .filter(([, s]) => s >= 0.05)
        .map(([k, s]) => `${k} ${s.toFixed(1)}`)
        .join(', ')
    : '—';

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
  const limit = child([here('./run-child.mjs'), 'limit', c.path]);
  const r = child([here('./run-child.mjs'), 'full', c.path, join(work, `out-${size}`), '2']);
  if (r) full[size] = { ...r, bytes: c.bytes };
  const stages = stagesOf(r);
  say(
    `| ${mb(c.bytes).toFixed(0)} MB | ${c.records} | ${r ? r.seconds.toFixed(1) : '—'} | ${r ? Math.round(c.records / r.seconds) : '—'} | ${r ? (mb(c.bytes) / r.seconds).toFixed(2) : '—'} | ${limit ? limit.seconds.toFixed(1) : '—'} | ${r && limit ? (r.seconds / limit.seconds).toFixed(1) : '—'} | ${r ? r.peakRssMb : '—'} | ${stages} |`,
  );
  rmSync(join(work, `out-${size}`), { recursive: true, force: true });
}

// 2. the segment stage with one and two workers, on the first and the largest size
say();
for (const size of new Set([SIZES[0]!, SIZES.at(-1)!])) {
  const c = corpus(size);
  const one = child([here('./run-child.mjs'), 'segment', c.path, '1']);
  const two = child([here('./run-child.mjs'), 'segment', c.path, '2']);
  say(
    `Segment stage on ${mb(c.bytes).toFixed(0)} MB: 1 thread ${one?.seconds.toFixed(2)} s, 2 threads (this one and a worker, started before the input is read as in a run, which loads its dictionaries meanwhile) ${two?.seconds.toFixed(2)} s → ${one && two ? (one.seconds / two.seconds).toFixed(2) : '—'}× (target ≥ 1.6×).`,
  );
}
const first = corpus(SIZES[0]!);

// 3. adding a session of 10% new records to a stored corpus of the other 90%
{
  const n = first.records;
  const older = corpus(SIZES[0]!, 'older.jsonl', 0, Math.round(n * 0.9));
  const session = corpus(SIZES[0]!, 'session.jsonl', Math.round(n * 0.9));
  const out = join(work, 'incremental');
  child([here('./run-child.mjs'), 'full', older.path, out, '2']);
  const add = child([here('./run-child.mjs'), 'full', session.path, out, '2', '--add']);
  const whole = full[SIZES[0]!];
  say(
    `Adding a 10% session (${session.records} records) to a stored ${older.records}: ${add?.seconds.toFixed(1)} s = ${add && whole ? ((100 * add.seconds) / whole.seconds).toFixed(0) : '—'}% of the full run (target ≤ 50%); stages: ${stagesOf(
      add,
    )}.`,
  );
  // 3b. the same again, as after curating words: no new input
  const again = child([here('./run-child.mjs'), 'full', session.path, out, '2', '--add']);
  say(
    `A re-run with no new input (the session's file given again, as after curating words): ${again?.seconds.toFixed(1)} s = ${again && whole ? ((100 * again.seconds) / whole.seconds).toFixed(0) : '—'}% of the full run; stages: ${stagesOf(
      again,
    )}.`,
  );
  rmSync(out, { recursive: true, force: true });
  // 3c. the session as users add one: the same suggestions as a year of their own, the newest
  // (the 10% above spreads over every year of the corpus, so it changes every year's scopes), against
  // a full run over the same suggestions
  const year = lastYear(base) + 1;
  const newer = corpus(SIZES[0]!, 'session-new-year.jsonl', Math.round(n * 0.9), Infinity, year);
  const both = join(work, 'with-new-year.jsonl');
  writeFileSync(both, Buffer.concat([readFileSync(older.path), readFileSync(newer.path)]));
  const fullOut = join(work, 'new-year-full');
  const fullRun = child([here('./run-child.mjs'), 'full', both, fullOut, '2']);
  rmSync(fullOut, { recursive: true, force: true });
  child([here('./run-child.mjs'), 'full', older.path, out, '2']);
  const addYear = child([here('./run-child.mjs'), 'full', newer.path, out, '2', '--add']);
  say(
    `The same ${newer.records} suggestions as a session of a new year (${year}) added to the stored ${older.records}: ${addYear?.seconds.toFixed(1)} s = ${addYear && fullRun ? ((100 * addYear.seconds) / fullRun.seconds).toFixed(0) : '—'}% of a full run over the same suggestions (${fullRun?.seconds.toFixed(1)} s; target ≤ 50%); stages: ${stagesOf(
      addYear,
    )}.`,
  );
  rmSync(out, { recursive: true, force: true });
}

// what topics cost: the first size again without them
{
  const out = join(work, 'no-topics');
  const r = child([here('./run-child.mjs'), 'full', first.path, out, '2', '--no-topics']);
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

// 5. the peer on the first size, and its stages beside ours that do the same work (like for like)
const hasPeer = existsSync('/usr/bin/python3') && existsSync(PEER);
if (hasPeer) {
  const peer = peerRun([first.path, '--out', join(work, 'peer')]);
  const ours = full[SIZES[0]!];
  say(
    `Peer (${PEER.split('/').slice(-1)[0]}, jieba + scikit-learn + wordcloud) on the same ${mb(first.bytes).toFixed(0)} MB: ${peer ? `${peer.seconds.toFixed(1)} s, peak RSS ${peer.peakRssMb} MB` : 'failed'}; ours ${ours?.seconds.toFixed(1)} s → ${peer && ours ? (peer.seconds / ours.seconds).toFixed(1) : '—'}× faster (target ≥ 5×). Peer stage timings: ${JSON.stringify(peer?.stages ?? null)}`,
  );
  if (peer && ours) likeForLike(first, ours, peer);
} else {
  say(
    'Peer: /usr/bin/python3 or the peer script is missing (apt-get install python3-jieba python3-sklearn python3-wordcloud fonts-noto-cjk).',
  );
}

// 6. the size users run: the bundled sample (106 suggestions), whole processes in alternating pairs
if (hasPeer) sessionSize();
writeFileSync(RESULTS, `${lines.join('\n')}\n\nReproduce: \`npm run bench\` (writes this file).\n`);
rmSync(work, { recursive: true, force: true });
console.log(`\nwritten ${RESULTS}`);

/** The peer as a whole process: wall seconds, peak RSS and its own stage timings (its last line). */
function peerRun(args: readonly string[]): { seconds: number; peakRssMb: number; stages: Record<string, number> } | null {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '/usr/bin/python3', PEER, ...args], {
    encoding: 'utf8',
    timeout: 3_600_000,
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    say(`(peer failed: ${r.stderr.slice(-300)})`);
    return null;
  }
  const stages = (JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { seconds: Record<string, number> }).seconds;
  return { seconds, peakRssMb: Math.round(Number(r.stderr.trim().split('\n').at(-1)) / 1024), stages };
}

/**
 * Each stage of ours beside the peer's stage that does the same work on the same text: segmentation
 * (one thread each), hot words of every scope (ours: scoring with themes and the word gate; the peer:
 * extract_tags per scope), the whole corpus's topics with k given (the peer's k, its number of
 * categories; with NMI against the labelled messages), one cloud (ours: layout, SVG and an 1800-pixel
 * PNG, the font cut included; the peer: its cloud time over its clouds), and the whole job.
 */
function likeForLike(
  c: { path: string; bytes: number },
  ours: ChildResult,
  peer: { seconds: number; stages: Record<string, number> },
): void {
  const records = readFileSync(c.path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; category: string | null });
  const categories = [...new Set(records.map((r) => r.category).filter((x): x is string => x !== null))];
  const k = Math.max(2, categories.length);
  const one = child([here('./run-child.mjs'), 'segment', c.path, '1']);
  const topics = child([here('./bench-child.ts'), 'topics-k', c.path, String(k)]);
  const out = join(work, 'like-for-like');
  child([here('./run-child.mjs'), 'full', c.path, out, '2', '--no-topics']);
  const cloud = child([here('./run-child.mjs'), 'cloud-one', join(out, 'hotwords.sqlite')]);
  rmSync(out, { recursive: true, force: true });
  // the peer's topic NMI, over the same labelled messages
  const peerDb = new Database(join(work, 'peer', 'hotwords.sqlite'), { readonly: true });
  const peerTopic = new Map(
    (peerDb.prepare('SELECT document_id AS id, topic_id AS t FROM document_topics').all() as { id: string; t: number }[]).map((r) => [
      r.id,
      r.t,
    ]),
  );
  peerDb.close();
  const labelled = records.filter((r) => r.category !== null);
  const peerNmi = nmi(
    labelled.map((r) => r.category!),
    labelled.map((r) => peerTopic.get(r.id) ?? -1),
  );
  const t = ours.timings as Record<string, number>;
  // the work that makes the keywords table, as the peer's stage makes its own: phrases, the word gate,
  // the titles' theme words the lists weigh, and every scope's ranking (from the segment stage's counts)
  const hot = (t.score ?? 0) + (t['title-themes'] ?? 0) + (t['word-gate'] ?? 0);
  // and every table scoring writes, which the peer does not make: theme families, each suggestion's
  // own keywords, trends and emerging terms, the keywords' evidence
  const allScoring = hot + (t.themes ?? 0) + (t['own-keywords'] ?? 0) + (t.trends ?? 0) + (t.evidence ?? 0);
  const peerClouds = categories.length + 1;
  const rows: [string, number | undefined, number, string][] = [
    ['segmentation, one thread', one?.seconds, peer.stages.segment!, '≥ 10×'],
    ['hot words of every scope (the keywords table)', hot, peer.stages.keywords!, '≥ 10×'],
    [
      'every scoring table (also themes, own keywords, trends, evidence: the peer makes none of them)',
      allScoring,
      peer.stages.keywords!,
      '',
    ],
    [
      `topics of the whole corpus, k = ${k} (NMI ours ${topics ? topics.nmi.toFixed(3) : '—'}, peer ${peerNmi.toFixed(3)})`,
      topics?.seconds,
      peer.stages.topics!,
      '≥ 1×, higher NMI',
    ],
    [`one cloud (peer: ${peer.stages.cloud!.toFixed(1)} s for ${peerClouds})`, cloud?.seconds, peer.stages.cloud! / peerClouds, '≥ 10×'],
    ['whole job (ours does more: every scope, topics per scope, 30 clouds, report, briefing)', ours.seconds, peer.seconds, '≥ 5×'],
  ];
  say();
  say(`Like for like on ${mb(c.bytes).toFixed(0)} MB (${records.length} messages; ours' segmentation on two threads: see above):`);
  say();
  say('| stage | ours s | peer s | peer ÷ ours | target |');
  say('|---|---|---|---|---|');
  for (const [name, o, p, target] of rows)
    say(
      `| ${name} | ${o === undefined ? '—' : o.toFixed(2)} | ${p.toFixed(2)} | ${o === undefined ? '—' : (p / o).toFixed(1)}× | ${target} |`,
    );
}

/**
 * The job on the bundled sample (2020 and 2021, 106 suggestions) as users run it after a session:
 * the compiled command and the peer (on the two files joined), each a whole process, in alternating
 * pairs; medians of wall time and peak RSS, and our stage timings of the last run.
 */
function sessionSize(pairs = 3): void {
  const sample = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
    fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
  );
  const [head, ...rows2020] = readFileSync(sample[0]!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\n');
  const rows2021 = readFileSync(sample[1]!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\n')
    .slice(1);
  const joined = join(work, 'sample.csv');
  writeFileSync(joined, `${[head, ...rows2020, ...rows2021].join('\n')}\n`);
  const bin = fileURLToPath(new URL('../../dist/cli/hotwords.js', import.meta.url));
  const ours: { seconds: number; rss: number }[] = [];
  const theirs: { seconds: number; rss: number }[] = [];
  const out = join(work, 'session-ours');
  for (let i = 0; i < pairs; i++) {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'run', ...sample, '--out', out, '--fresh'], {
      encoding: 'utf8',
    });
    if (r.status !== 0) return say(`(our run on the sample failed: ${r.stderr.slice(-300)})`);
    ours.push({ seconds: (performance.now() - t0) / 1000, rss: Number(r.stderr.trim().split('\n').at(-1)) / 1024 });
    const p = peerRun([joined, '--out', join(work, 'session-peer'), '--map', 'id=编号,title=标题,text=内容,category=类别,year=年份']);
    if (p) theirs.push({ seconds: p.seconds, rss: p.peakRssMb });
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const db = new Database(join(out, 'hotwords.sqlite'), { readonly: true });
  const timings = JSON.parse(
    (db.prepare('SELECT timings FROM runs ORDER BY run_id DESC LIMIT 1').get() as { timings: string }).timings,
  ) as Record<string, number>;
  db.close();
  const o = median(ours.map((x) => x.seconds));
  const p = theirs.length > 0 ? median(theirs.map((x) => x.seconds)) : NaN;
  say();
  say(
    `The size users run — the bundled sample, 106 suggestions, ${pairs} alternating pairs of whole processes (medians): ours ${o.toFixed(2)} s, peak RSS ${median(ours.map((x) => x.rss)).toFixed(0)} MB; ` +
      `the peer ${p.toFixed(2)} s, ${theirs.length > 0 ? median(theirs.map((x) => x.rss)).toFixed(0) : '—'} MB → ${(p / o).toFixed(1)}× (target ≥ 10×, memory below the peer's). ` +
      `Ours (${ours.map((x) => x.seconds.toFixed(2)).join(', ')} s) writes the database, 18 clouds and 9 charts as SVG and PNG, the report and the briefing; the peer (${theirs.map((x) => x.seconds.toFixed(2)).join(', ')} s) its tables and a cloud PNG per category and one of all. ` +
      `Our stages in the last run (s; topics overlap scoring and storing): ${Object.entries(timings)
        .filter(([, s]) => s >= 0.01)
        .map(([k, s]) => `${k} ${s.toFixed(2)}`)
        .join(', ')}.`,
  );
}
