/**
 * `npm run build:background`: writes dictionaries/civic-background.txt (a test checks the
 * committed file is what this makes from the current dictionaries), how
 * common each word is in civic language, from sources we may redistribute as
 * counts (no text is written):
 *   - the yearly government work reports in ../shared/data/gov-work-reports
 *     (official documents), cut with the bundled dictionaries into paragraphs;
 *     a term's `df` is the number of paragraphs holding it;
 *   - THUOCL (MIT; caijing, law, medical lexicons): its words are marked as
 *     known words (`thuocl` column: 1), for words the HMM coins; its idioms
 *     (chengyu lexicon) are marked 2, for the word gate (苦不堪言 describes,
 *     it names no theme).
 * Never from the message corpora, whose licence forbids it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLexicon } from '../../src/segment/lexicon.ts';
import { createSegmenter } from '../../src/segment/create-segmenter.ts';
import { classifyToken } from '../../src/segment/token-filter.ts';
import { CIVIC_BACKGROUND } from '../../src/segment/civic-background.ts';
import { SHARED_DATA } from '../shared-data.ts';

/**
 * A report as Wikisource gives it, without the licence notice its page ends with ("本作品是中华人民共和国的
 * 法律、法规…", "Public domain", one word a line: 936 lines over the 52 reports, which are no civic language).
 */
function reportText(content: string): string {
  const lines = content.split('\n');
  const notice = lines.findIndex((l) => l.startsWith('本作品'));
  if (notice < 0)
    throw new Error(
      'government_work_reports.jsonl: a report without the Wikisource licence notice (本作品…): is the file another version?',
    );
  return lines.slice(0, notice).join('\n');
}

/** The words of one THUOCL lexicon (`word<TAB>df` lines). */
function thuoclWords(name: string): string[] {
  return readFileSync(join(SHARED_DATA, 'thuocl', `THUOCL_${name}.txt`), 'utf8')
    .split('\n')
    .map((l) => l.split('\t')[0]!.trim())
    .filter((w) => w !== '');
}

/** The table's text, made from ../shared/data and the bundled dictionaries; and what it counted. */
export function civicBackgroundText(): { text: string; paragraphs: number; seen: number; written: number } {
  const lexicon = loadLexicon({}, []);
  const segmenter = createSegmenter({ backend: 'node-rs', userWords: lexicon.userWords });
  const df = new Map<string, number>();
  let paragraphs = 0;
  const reports = readFileSync(join(SHARED_DATA, 'gov-work-reports', 'government_work_reports.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  let years = 0;
  for (const line of reports) {
    const r = JSON.parse(line) as { year: number | null; content: string };
    if (r.year === null) continue;
    years++;
    for (const p of reportText(r.content).split('\n')) {
      if (p.trim() === '') continue;
      paragraphs++;
      const seen = new Set<string>();
      for (const token of segmenter.cut(p)) {
        const c = classifyToken(token, lexicon);
        if ('term' in c) seen.add(c.term);
      }
      for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  const thuocl = new Set(['caijing', 'law', 'medical'].flatMap(thuoclWords));
  const idioms = new Set(thuoclWords('chengyu').filter((w) => !thuocl.has(w)));
  const terms = [...new Set([...[...df].filter(([, n]) => n >= 2).map(([t]) => t), ...thuocl, ...idioms])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const header = [
    '# civic-background.txt — how common each word is in civic language (counts only, no text)',
    '#',
    '# Written by `npm run build:background` (tests/tools/build-civic-background.ts); do not edit.',
    `# Sources: the ${years} yearly government work reports of the State Council, 1954–2025`,
    '#   (official documents; ../shared/data/gov-work-reports, without the Wikisource licence notice',
    '#   each page ends with), cut with jieba and the bundled dictionaries, counted per paragraph; THUOCL',
    '#   (thunlp/THUOCL, MIT licence: caijing, law and medical lexicons) for the known-word mark, its',
    '#   chengyu lexicon for the idiom mark.',
    '#   Not from any message corpus.',
    '# Columns, tab-separated: term, df (paragraphs holding it; terms in fewer than 2 are left out',
    '#   unless THUOCL knows them), thuocl (1: a word of its domain lexicons, 2: an idiom).',
    `paragraphs\t${paragraphs}`,
  ];
  const body = terms.map((t) => `${t}\t${df.get(t) ?? 0}\t${thuocl.has(t) ? 1 : idioms.has(t) ? 2 : 0}`);
  return { text: `${header.join('\n')}\n${body.join('\n')}\n`, paragraphs, seen: df.size, written: terms.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const made = civicBackgroundText();
  writeFileSync(CIVIC_BACKGROUND, made.text);
  console.log(`${made.paragraphs} paragraphs, ${made.seen} terms seen, ${made.written} written`);
}
