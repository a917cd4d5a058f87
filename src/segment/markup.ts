/**
 * Markup is not text: platform exports often carry HTML in a text field
 * (`<p>`, `<br/>`, `<img src=…>`, `&nbsp;`), and letters quote web addresses
 * (`https://baidu.com/`, `www.…`, `name@host.cn`). What is segmented is the
 * text with every tag, address and entity turned into a space (the common
 * named entities and numeric ones into their character), so `nbsp`, `img`,
 * `https` or `com` never become hot words. The stored text stays verbatim.
 */
const ADDRESS =
  /(?:\b(?:https?|ftp):\/\/|\bwww\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const TAG = /<\/?[A-Za-z!][^<>]{0,2000}>/g;
const ENTITY = /&(#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});/g;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  hellip: '…',
  middot: '·',
};

export function stripMarkup(text: string): string {
  const plain = /[:@.]/.test(text) ? text.replace(ADDRESS, ' ') : text;
  if (!plain.includes('<') && !plain.includes('&')) return plain;
  return plain.replace(TAG, ' ').replace(ENTITY, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ' ';
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}
