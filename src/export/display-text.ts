/**
 * Characters that never reach an SVG, an HTML page or a file name: those XML
 * 1.0 does not allow (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone
 * surrogates — resvg refuses such an SVG), C1 controls (U+0080–U+009F), and
 * the bidirectional and zero-width controls that reorder or hide what a
 * reader sees (U+202E turns `gnp.exe` around). The database keeps the text
 * verbatim; only what is drawn or named is cleaned.
 */
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- the control characters are what it finds
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without the characters above. */
export function displayText(text: string): string {
  return text.replace(HIDDEN, '');
}
