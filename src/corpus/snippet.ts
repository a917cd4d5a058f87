/** Up to `width` characters either side of the first occurrence of `term`, on one line. */
export function snippet(text: string, term: string, width = 20): string {
  const i = text.indexOf(term);
  if (i < 0) return '';
  const chars = [...text.slice(0, i)];
  const after = [...text.slice(i + term.length)];
  const before = chars.slice(-width).join('');
  const tail = after.slice(0, width).join('');
  return `${chars.length > width ? '…' : ''}${before}【${term}】${tail}${after.length > width ? '…' : ''}`.replace(/\s+/g, ' ');
}
