/** How often `s` occurs in `text`, not overlapping. */
export function occurrences(text: string, s: string): number {
  let n = 0;
  for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + s.length)) n++;
  return n;
}
