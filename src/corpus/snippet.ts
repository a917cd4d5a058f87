/** Up to `width` characters either side of the first occurrence of `term`, on one line. */
export function snippet(text: string, term: string, width = 20): string {
  const i = text.indexOf(term);
  if (i < 0) return '';
  // `width` characters are at most 2·width code units (surrogate pairs): a window one character
  // wider tells whether there is more beyond it without spreading the whole text into characters
  const reach = 2 * width + 2;
  const chars = [...text.slice(Math.max(0, i - reach), i)];
  const after = [...text.slice(i + term.length, i + term.length + reach)];
  const before = chars.slice(-width).join('');
  const tail = after.slice(0, width).join('');
  return `${chars.length > width ? '…' : ''}${before}【${term}】${tail}${after.length > width ? '…' : ''}`.replace(/\s+/g, ' ');
}
