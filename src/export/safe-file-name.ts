import { createHash } from 'node:crypto';
import { displayText } from './display-text.ts';

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * Bytes of UTF-8 a name may have before its hash and extension: with `-` and 8 hex digits, an
 * extension and a temporary suffix (`.tmp-` and a process id) it stays far below the 255 bytes file
 * systems allow (61 × 𠀀, four bytes each, once made a 263-byte name).
 */
const MAX_BYTES = 120;

/**
 * A file name for a label from the data (a category, a unit) that is safe on
 * every system and stays inside its folder: no path separators, dots only
 * inside, no control, bidirectional, zero-width or reserved characters, no
 * Windows device names, at most 60 characters and 120 bytes of UTF-8. A
 * changed or shortened name gets a short hash of the label so two labels
 * never share a file.
 */
export function safeFileName(label: string): string {
  let name = displayText(label)
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .replace(/\s+/g, ' ');
  if (name === '' || RESERVED.test(name)) name = `_${name}`;
  let chars = [...name].slice(0, 60);
  while (Buffer.byteLength(chars.join(''), 'utf8') > MAX_BYTES) chars = chars.slice(0, -1);
  const changed = chars.join('') !== label;
  name = chars.join('');
  return changed ? `${name}-${createHash('sha256').update(label).digest('hex').slice(0, 8)}` : name;
}
