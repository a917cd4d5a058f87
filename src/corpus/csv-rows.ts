import type { Reason } from '../messages.ts';
import { say } from '../messages.ts';

/** One parsed CSV record: its fields and the physical line it starts on. */
export type CsvRecord = { kind: 'row'; line: number; fields: string[] } | { kind: 'error'; line: number; reason: Reason; rawLine: string };

/**
 * RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines;
 * CRLF, LF and lone CR all end a record. A quote that is never closed makes
 * its record an error; parsing resumes on the next physical line after the
 * record's first line so the rest of the file still counts. Text after a
 * closing quote (`"a"b`) makes the record an error too.
 */
export function* parseCsv(text: string): Generator<CsvRecord> {
  const n = text.length;
  let pos = 0;
  let line = 1;
  while (pos < n) {
    const startPos = pos;
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let error: Reason | null = null;
    let atFieldStart = true;
    let ended = false;
    while (pos < n && !ended) {
      const c = text.charCodeAt(pos);
      if (atFieldStart && c === 34 /* " */) {
        // quoted field
        pos++;
        let closed = false;
        while (pos < n) {
          const q = text.indexOf('"', pos);
          const chunkEnd = q === -1 ? n : q;
          const chunk = text.slice(pos, chunkEnd);
          line += countNewlines(chunk);
          field += chunk;
          if (q === -1) {
            pos = n;
            break;
          }
          if (text.charCodeAt(q + 1) === 34) {
            field += '"';
            pos = q + 2;
            continue;
          }
          pos = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          error = say('corpus/unbalanced-quote', { line: startLine });
          break;
        }
        atFieldStart = false;
        const next = text.charCodeAt(pos);
        if (pos < n && next !== 44 && next !== 10 && next !== 13) {
          error = say('corpus/text-after-quote', { line });
          break;
        }
        continue;
      }
      if (c === 44 /* , */) {
        fields.push(field);
        field = '';
        atFieldStart = true;
        pos++;
      } else if (c === 10 || c === 13) {
        pos += c === 13 && text.charCodeAt(pos + 1) === 10 ? 2 : 1;
        line++;
        ended = true;
      } else {
        // unquoted run up to the next delimiter or line end
        let j = pos;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === 44 || d === 10 || d === 13) break;
          j++;
        }
        field += text.slice(pos, j);
        atFieldStart = false;
        pos = j;
      }
    }
    if (error !== null) {
      // resume after the first physical line of the broken record
      const rest = nextLineStart(text, startPos);
      yield { kind: 'error', line: startLine, reason: error, rawLine: text.slice(startPos, Math.min(rest, startPos + 500)) };
      pos = rest;
      line = startLine + 1;
      continue;
    }
    fields.push(field);
    if (fields.length === 1 && fields[0] === '' && !atFieldStartWasQuoted(text, startPos)) continue; // blank line
    yield { kind: 'row', line: startLine, fields };
  }
}

function atFieldStartWasQuoted(text: string, startPos: number): boolean {
  return text.charCodeAt(startPos) === 34;
}

function nextLineStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

function countNewlines(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}
