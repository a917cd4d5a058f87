import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { main } from '../src/cli/main.ts';

/** What an analyst looks at after `hotwords run`: exit code, stderr, rejects.jsonl, the summary line's counts, the database. */
export interface CliOutcome {
  code: number;
  stderr: string;
  out: string;
  rejects: { file: string; sheet?: string; line: number; reason: string; ruleId: string; raw?: unknown }[];
  counts: { read: number; accepted: number; rejected: number } | null;
  db: Database.Database | null;
}

/** `hotwords run <args> --out <a fresh folder named prefix…>` through the CLI's own entry, collected. */
export async function runCli(args: readonly string[], prefix = 'hotwords-cli-'): Promise<CliOutcome> {
  const out = mkdtempSync(join(tmpdir(), prefix));
  let stderr = '';
  const code = await main(['run', ...args, '--out', out], {
    stdout: () => {},
    stderr: (s) => (stderr += s),
    isTTY: false,
    readStdin: async () => '',
  });
  // a run that fails leaves its rejects beside the last finished run's
  const rejectsFile = join(out, code === 0 ? 'rejects.jsonl' : 'rejects.failed.jsonl');
  const rejects = existsSync(rejectsFile)
    ? readFileSync(rejectsFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
  const m = /读取 (\d+) 行，接受 (\d+)，拒绝 (\d+)/.exec(stderr);
  const counts = m ? { read: Number(m[1]), accepted: Number(m[2]), rejected: Number(m[3]) } : null;
  const dbFile = join(out, 'hotwords.sqlite');
  return { code, stderr, out, rejects, counts, db: existsSync(dbFile) ? new Database(dbFile, { readonly: true }) : null };
}
