import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * What a reader of an output folder sees, as one hash: every table's rows
 * (sorted; `runs` left out, it holds times) and every file under the
 * published names, each read through its link. Throws if the database fails
 * SQLite's integrity check.
 */
export function visibleState(out: string): string {
  const hash = createHash('sha256');
  const db = new Database(join(out, 'hotwords.sqlite'), { readonly: true });
  try {
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error(`${out}: the database fails its integrity check`);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'runs' ORDER BY name")
      .pluck()
      .all() as string[];
    for (const t of tables) {
      const rows = (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
      hash.update(`${t}\n${rows.join('\n')}\n`);
    }
  } finally {
    db.close();
  }
  const files = (dir: string): string[] =>
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort()
      .map((f) => join(dir, f));
  for (const f of [join(out, 'rejects.jsonl'), ...['json', 'clouds', 'report', 'briefing'].flatMap((d) => files(join(out, d)))]) {
    hash.update(`${f.slice(out.length)}\n`).update(readFileSync(f));
  }
  return hash.digest('hex');
}
