import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * An output folder holds its runs' results as generations: every run (and
 * every `hotwords cloud` / `report`) writes the database and all its exports
 * into a new folder `.generations/gNNNNNN`, and only when all of it is
 * written switches one symbolic link, `current`, to it (a rename, atomic).
 * The paths a reader opens stay what they were — `hotwords.sqlite`,
 * `rejects.jsonl`, `json/`, `clouds/`, `report/`, `briefing/` — as links through
 * `current`, so each shows the last finished run, and a run that dies at any
 * moment leaves the previous generation complete and in place.
 *
 * A reader that opens several files and needs them from one run resolves
 * `current` once (its target) and reads under it: the previous generation is
 * kept until the next run starts, so a reader that resolved it just before
 * a switch still finds every file.
 */
export const GENERATIONS = '.generations';
export const CURRENT = 'current';
/** The names a reader opens, each a link to the same name in `current`. */
export const PUBLISHED = ['hotwords.sqlite', 'rejects.jsonl', 'json', 'clouds', 'report', 'briefing'] as const;

/** A generation being written: its folder and the paths of its parts there. */
export interface Generation {
  dir: string;
  database: string;
  rejects: string;
  json: string;
  clouds: string;
  report: string;
  briefing: string;
}

const NAME = /^g(\d{6,})$/;

/**
 * Start a new generation in `out` (which the caller holds locked, out-lock.ts):
 * first remove what dead runs left (generations newer than `current`, older
 * ones but the one before it, temporary files of the folder's old layout),
 * then create the new, empty folder.
 */
export function beginGeneration(out: string): Generation {
  const root = join(out, GENERATIONS);
  mkdirSync(root, { recursive: true });
  const current = currentGeneration(out);
  const numbers = generationNumbers(root);
  const currentNumber = current === null ? -1 : numberOf(current);
  const previous = Math.max(-1, ...numbers.filter((n) => n < currentNumber));
  for (const n of numbers) if (n !== currentNumber && n !== previous) rmSync(join(root, nameOf(n)), { recursive: true, force: true });
  removeOldLayoutLeftovers(out);
  const next = Math.max(currentNumber, ...numbers) + 1;
  const dir = join(root, nameOf(next));
  // the clouds' folder exists even when a run draws none: `clouds/` then shows an empty folder
  mkdirSync(join(dir, 'clouds'), { recursive: true });
  return {
    dir,
    database: join(dir, 'hotwords.sqlite'),
    rejects: join(dir, 'rejects.jsonl'),
    json: join(dir, 'json'),
    clouds: join(dir, 'clouds'),
    report: join(dir, 'report'),
    briefing: join(dir, 'briefing'),
  };
}

/** The name of the generation `current` points to (e.g. g000003), or null in a folder without one. */
export function currentGeneration(out: string): string | null {
  try {
    const target = readlinkSync(join(out, CURRENT));
    const name = target.split('/').pop() ?? '';
    return NAME.test(name) ? name : null;
  } catch {
    return null;
  }
}

/**
 * Make `generation` the one readers see: one rename of a new `current` link over the old.
 * The published names become links through `current` where they are not already (a folder
 * written by a version before generations: its files and folders are moved aside and removed,
 * the only moment a name is briefly absent). The generation before the new one is kept for
 * readers that resolved `current` before the switch; older ones are removed.
 */
export function publishGeneration(out: string, generation: Generation): void {
  // on disk before it is shown: a crash of the machine after the switch must not show files whose
  // bytes were still in the page cache
  syncTree(generation.dir);
  const name = generation.dir.split(/[\\/]/).pop()!;
  const link = join(out, `${CURRENT}.tmp-${process.pid}`);
  rmSync(link, { force: true });
  symlinkSync(join(GENERATIONS, name), link);
  renameSync(link, join(out, CURRENT));
  const aside = join(out, GENERATIONS, `old-layout-${process.pid}`);
  for (const published of PUBLISHED) {
    const path = join(out, published);
    const kind = linkKind(path);
    // ours: a link through current; any other link (one planted there) is replaced like a file
    if (kind === 'link' && readlinkSync(path) === join(CURRENT, published)) continue;
    if (kind === 'other') {
      mkdirSync(aside, { recursive: true });
      renameSync(path, join(aside, published));
    }
    const tmp = `${path}.tmp-${process.pid}`;
    rmSync(tmp, { force: true });
    symlinkSync(join(CURRENT, published), tmp);
    renameSync(tmp, path);
  }
  rmSync(aside, { recursive: true, force: true });
  syncPath(out);
  const root = join(out, GENERATIONS);
  const n = numberOf(name);
  const older = generationNumbers(root).filter((m) => m < n);
  const keep = Math.max(-1, ...older);
  for (const m of older) if (m !== keep) rmSync(join(root, nameOf(m)), { recursive: true, force: true });
}

/**
 * Take `names` of what readers see now into `generation` unchanged (a rebuild of the clouds keeps
 * the database, JSON and report): hard links, file by file, never copies of the bytes. Published
 * files are never written again once their generation is published, so the link is safe.
 */
export function carryOver(out: string, generation: Generation, names: readonly (typeof PUBLISHED)[number][]): void {
  for (const name of names) {
    let from: string;
    try {
      // link() would link the published name's own link, not the file it leads to
      from = realpathSync(join(out, name));
    } catch {
      continue;
    }
    linkTree(from, join(generation.dir, name));
  }
}

function linkTree(from: string, to: string): void {
  let stat;
  try {
    stat = statSync(from);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from)) if (!/\.tmp-\d+$/.test(entry)) linkTree(join(from, entry), join(to, entry));
  } else if (stat.isFile()) {
    linkSync(from, to);
  }
}

/** fsync every file and folder under `dir`, the folders after what they hold. */
function syncTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) syncTree(path);
    else if (entry.isFile()) syncPath(path);
  }
  syncPath(dir);
}

function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Where a reader opens a file written into `generation` once it is published: the same name under `out`. */
export function publishedPath(out: string, generation: Generation, path: string): string {
  return join(out, path.slice(generation.dir.length + 1));
}

/** Remove a generation that will not be published (the run failed or was stopped). */
export function discardGeneration(generation: Generation): void {
  rmSync(generation.dir, { recursive: true, force: true });
}

function linkKind(path: string): 'link' | 'other' | 'absent' {
  try {
    return lstatSync(path).isSymbolicLink() ? 'link' : 'other';
  } catch {
    return 'absent';
  }
}

function generationNumbers(root: string): number[] {
  const numbers: number[] = [];
  for (const entry of readdirSync(root)) {
    const m = NAME.exec(entry);
    if (m) numbers.push(Number(m[1]));
    else rmSync(join(root, entry), { recursive: true, force: true });
  }
  return numbers.sort((a, b) => a - b);
}

function numberOf(name: string): number {
  return Number(NAME.exec(name)![1]);
}

function nameOf(n: number): string {
  return `g${String(n).padStart(6, '0')}`;
}

/**
 * Temporary files that runs of the layout before generations (or a run killed while switching
 * links) left at the top of the folder and in its export folders: `name.tmp-PID`. The caller holds
 * the folder's lock, so none belongs to a live run.
 */
function removeOldLayoutLeftovers(out: string): void {
  for (const dir of [out, ...['json', 'report', 'clouds'].map((d) => join(out, d))]) {
    if (linkKind(dir) !== 'other' && dir !== out) continue;
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    for (const entry of entries) if (/\.tmp-\d+$/.test(entry)) rmSync(join(dir, entry), { recursive: true, force: true });
  }
}
