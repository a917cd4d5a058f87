/**
 * `npm run eval:segment`: word F1 of the segmenters on the SIGHAN 2005 PKU
 * test set, beside Python jieba (the same algorithm). Uses jieba's main
 * dictionary only, as Python jieba does out of the box, so the figures
 * compare the algorithm; the civic dictionary is then added for information.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createSegmenter } from '../../src/segment/create-segmenter.ts';
import { loadLexicon } from '../../src/segment/lexicon.ts';
import type { SegmenterBackend } from '../../src/segment/segmenter.ts';
import { SHARED_DATA } from '../shared-data.ts';
import { scoreSegmentation } from './segment-f1.ts';

/** Measured on pku_test with Debian's python3-jieba 0.42.1 (issue #2). */
const PYTHON_JIEBA_REFERENCE = { hmm: 0.818, noHmm: 0.836 };

const raw = readFileSync(`${SHARED_DATA}sighan2005/pku_test.utf8`, 'utf8').split(/\r?\n/);
const gold = readFileSync(`${SHARED_DATA}sighan2005/pku_test_gold.utf8`, 'utf8').split(/\r?\n/);
const pairs = raw.map((line, i) => ({ line, gold: (gold[i] ?? '').split(/\s+/).filter(Boolean) })).filter((p) => p.line.trim() !== '');

function measure(backend: SegmenterBackend, hmm: boolean, civic: boolean): number {
  const lexicon = civic ? loadLexicon({}, []) : null;
  const seg = createSegmenter({ backend, userWords: lexicon?.userWords ?? [], hmm });
  // gold words never contain spaces: score the text without them
  return scoreSegmentation(
    pairs.map((p) => ({ predicted: seg.cut(p.line.replace(/\s+/g, '')).filter((t) => t.trim() !== ''), gold: p.gold })),
  ).f1;
}

function livePythonJieba(hmm: boolean): number | null {
  if (!existsSync('/usr/bin/python3')) return null;
  const script = `
import sys, jieba
jieba.setLogLevel(60)
hmm = sys.argv[1] == '1'
for line in open(sys.argv[2], encoding='utf-8'):
    line = line.rstrip('\\r\\n')
    if line.strip():
        print('  '.join(w for w in jieba.cut(''.join(line.split()), HMM=hmm) if w.strip()))
`;
  try {
    const out = execFileSync('/usr/bin/python3', ['-c', script, hmm ? '1' : '0', `${SHARED_DATA}sighan2005/pku_test.utf8`], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const predicted = out.split('\n').filter((l) => l.trim() !== '');
    return scoreSegmentation(pairs.map((p, i) => ({ predicted: (predicted[i] ?? '').split('  '), gold: p.gold }))).f1;
  } catch {
    return null;
  }
}

const rows: string[][] = [];
let worst = 0;
for (const hmm of [true, false]) {
  const ref = hmm ? PYTHON_JIEBA_REFERENCE.hmm : PYTHON_JIEBA_REFERENCE.noHmm;
  const live = livePythonJieba(hmm);
  const python = live ?? ref;
  for (const backend of ['node-rs', 'nodejieba'] as const) {
    let f1: number;
    try {
      f1 = measure(backend, hmm, false);
    } catch (e) {
      rows.push([backend, hmm ? 'on' : 'off', 'not available', '', '', (e as Error).message.split('\n')[0]!]);
      continue;
    }
    // nodejieba keeps one dictionary set per process: the civic column is node-rs only
    const withCivic = backend === 'node-rs' ? measure(backend, hmm, true).toFixed(3) : 'n/a';
    if (backend === 'node-rs') worst = Math.max(worst, Math.abs(f1 - python));
    rows.push([
      backend,
      hmm ? 'on' : 'off',
      f1.toFixed(3),
      python.toFixed(3) + (live === null ? ' (reference)' : ' (live)'),
      (f1 - python).toFixed(3),
      withCivic,
    ]);
  }
}
console.log(`word F1 on SIGHAN 2005 pku_test (${pairs.length} lines)\n`);
console.log(['backend', 'HMM', 'F1', 'Python jieba', 'difference', 'F1 with civic dictionary'].join(' | '));
for (const r of rows) console.log(r.join(' | '));
console.log(
  `\ndefault backend (node-rs) within 0.01 of Python jieba: ${worst <= 0.01 ? 'yes' : 'NO'} (largest difference ${worst.toFixed(3)})`,
);
process.exitCode = worst <= 0.01 ? 0 : 1;
