/** The text of a file and the encoding it was decoded from. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/**
 * Decode a text file: a UTF-8 or UTF-16 byte-order mark wins; otherwise
 * strict UTF-8, and when that fails, GB18030 (a superset of GBK/GB2312,
 * what Chinese spreadsheets export). Returns null when neither decodes,
 * e.g. binary data.
 */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return tryDecode(bytes.subarray(3), 'utf-8');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return tryDecode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return tryDecode(bytes.subarray(2), 'utf-16be');
  return tryDecode(bytes, 'utf-8') ?? tryDecode(bytes, 'gb18030');
}

function tryDecode(bytes: Uint8Array, encoding: DecodedText['encoding']): DecodedText | null {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding };
  } catch {
    return null;
  }
}
