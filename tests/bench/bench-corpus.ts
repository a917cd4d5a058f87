/**
 * The bench's corpus: every message text of ../shared/data/tipdm2020-messages
 * (title, label where labelled, year), as JSONL lines, replicated with new
 * ids to a size. Shared by `npm run bench` and `npm run bench:topics`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { SHARED_DATA } from '../shared-data.ts';

const DIR = join(SHARED_DATA, 'tipdm2020-messages');
const SOURCES: [string, Record<string, string>][] = [
  ['messages_labelled.csv', { id: 'id', title: 'title', text: 'detail', category: 'label', year: 'year' }],
  ['hot_messages_a3.csv', { id: 'id', title: 'title', text: 'detail', year: 'year' }],
  ['replies_a4.csv', { id: 'id', title: 'title', text: 'detail', year: 'year' }],
];

/** One JSONL line per message, ids prefixed by their file (9,382 lines, 10.8 MB). */
export async function benchMessages(): Promise<string[]> {
  const lines: string[] = [];
  for (const [file, map] of SOURCES) {
    const c = await readCorpus([join(DIR, file)], { map });
    const fatal = c.diagnostics.find((d) => d.fatal);
    if (fatal) throw new Error(`${fatal.file}: ${fatal.reason} (the bench reads ../shared/data beside the checkout)`);
    for (const r of c.records)
      lines.push(JSON.stringify({ id: `${file.slice(0, 3)}-${r.id}`, title: r.title, text: r.text, category: r.category, year: r.year }));
  }
  return lines;
}

/**
 * `messages` replicated to about `sizeMb` (copy c's ids end in `~c`), lines [from, to) of that,
 * written to `path`, each of year `year` when it is given (as a session of a later year); the
 * lines written.
 */
export function writeBenchCorpus(
  messages: readonly string[],
  sizeMb: number,
  path: string,
  from = 0,
  to = Infinity,
  year?: number,
): number {
  if (messages.length === 0) throw new Error('the bench corpus needs at least one message');
  const bytes = Buffer.byteLength(messages.join('\n'));
  const copies = Math.max(1, Math.round((sizeMb * 1e6) / bytes));
  const out: string[] = [];
  for (let c = 0; c < copies; c++)
    for (const line of messages) out.push(c === 0 ? line : line.replace(/^\{"id":"([^"]+)"/, `{"id":"$1~${c + 1}"`));
  const picked = out.slice(from, Math.min(to, out.length)).map((line) => (year === undefined ? line : withYear(line, year)));
  writeFileSync(path, `${picked.join('\n')}\n`);
  return picked.length;
}

/** A JSONL line of the bench corpus with its year set to `year`. */
function withYear(line: string, year: number): string {
  return JSON.stringify({ ...(JSON.parse(line) as Record<string, unknown>), year });
}

/** The latest year of the messages (those without one left out). */
export function lastYear(messages: readonly string[]): number {
  return Math.max(...messages.map((line) => (JSON.parse(line) as { year?: number | null }).year ?? -Infinity));
}
