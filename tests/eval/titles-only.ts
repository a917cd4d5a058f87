import { parseCsv } from '../../src/corpus/csv-rows.ts';

/** A CSV file's rows as objects by its header (rows the parser refuses are left out). */
export function rowsOf(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  for (const r of parseCsv(text)) if (r.kind === 'row') rows.push(r.fields);
  const [header, ...body] = rows;
  return body.map((fields) => Object.fromEntries(header!.map((h, i) => [h.replace(/^\uFEFF/, ''), fields[i] ?? ''])));
}

/** A CSV field, quoted (RFC 4180: a quote inside doubled). */
export const quoted = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/**
 * A corpus of short texts for small_sessions.py, as the held-back corpus of the themes issue is
 * (short messages): each labelled title (titles_labelled.csv) whose message is not among the
 * labelled messages (messages_labelled.csv, where the lists are tuned), once, as a text of its own
 * with no title: `id,text,label,year` (one year: the measure's sessions are one each).
 */
export function titlesOnlyCsv(messagesCsv: string, titlesCsv: string): string {
  const seen = new Set(rowsOf(messagesCsv).map((r) => r.title!.trim()));
  const lines = ['id,text,label,year'];
  rowsOf(titlesCsv).forEach((r, i) => {
    const title = r.title!.trim();
    if (title === '' || seen.has(title)) return;
    seen.add(title);
    lines.push([`t${i}`, quoted(title), quoted(r.label!), '2020'].join(','));
  });
  return `${lines.join('\n')}\n`;
}
