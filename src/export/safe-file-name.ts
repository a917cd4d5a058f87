import { createHash } from 'node:crypto';

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A file name for a label from the data (a category, a unit) that is safe on
 * every system and stays inside its folder: no path separators, dots only
 * inside, no control or reserved characters, no Windows device names, at most
 * 60 characters. A changed or shortened name gets a short hash of the label
 * so two labels never share a file.
 */
export function safeFileName(label: string): string {
  let name = label
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .replace(/\s+/g, ' ');
  if (name === '' || RESERVED.test(name)) name = `_${name}`;
  const chars = [...name];
  const changed = name !== label || chars.length > 60;
  if (chars.length > 60) name = chars.slice(0, 60).join('');
  return changed ? `${name}-${createHash('sha256').update(label).digest('hex').slice(0, 8)}` : name;
}
