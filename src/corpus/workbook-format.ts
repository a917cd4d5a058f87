import { inflateRawSync } from 'node:zlib';
import type { Reason } from '../messages.ts';
import { say } from '../messages.ts';

/** The workbook kinds read from their bytes, whatever the file is named. */
export type WorkbookFormat = 'xlsx' | 'ods' | 'xls';

/** What the first bytes of a file say it is. */
export type Sniffed =
  | { kind: 'workbook'; format: WorkbookFormat }
  /** A workbook container that cannot be read, with the reason. */
  | { kind: 'unreadable'; reason: Reason }
  | { kind: 'text' };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * Recognise a workbook from its bytes. A ZIP is OpenDocument when its
 * stored `mimetype` entry says so, else Office Open XML. An OLE compound
 * file is an Excel 97–2003 (BIFF8) or 5.0/95 (BIFF5) workbook — WPS writes
 * the same container — unless it holds an encrypted Office Open XML package,
 * which is what Excel and WPS write for a password-protected .xlsx.
 * `streams` are the compound file's stream names (read by the caller's
 * CFB parser, or the error it raised) when `isCompoundFile(bytes)`.
 */
export function sniffWorkbook(bytes: Uint8Array, streams: readonly string[] | Error = []): Sniffed {
  if (startsWith(bytes, ZIP)) {
    // ODF puts an uncompressed `mimetype` entry first: name at 30, content after it
    const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
    if (head.slice(30, 38) === 'mimetype' && head.slice(38, 38 + ODS_MIME.length) === ODS_MIME) return { kind: 'workbook', format: 'ods' };
    if (head.slice(30, 38) === 'mimetype')
      return { kind: 'unreadable', reason: say('corpus/ods-not-spreadsheet', { kind: head.slice(38, 90).split(/[^\w./-]/)[0]! }) };
    return { kind: 'workbook', format: 'xlsx' };
  }
  if (startsWith(bytes, CFB)) {
    if (streams instanceof Error) return { kind: 'unreadable', reason: say('corpus/xls-damaged') };
    const base = streams.map((n) => n.replace(/^.*\//, ''));
    if (base.includes('EncryptedPackage') || base.includes('EncryptionInfo')) {
      return { kind: 'unreadable', reason: say('corpus/workbook-protected') };
    }
    if (base.includes('Workbook') || base.includes('Book')) return { kind: 'workbook', format: 'xls' };
    return { kind: 'unreadable', reason: say('corpus/office-not-workbook') };
  }
  return { kind: 'text' };
}

/**
 * An OpenDocument file saved with a password: its manifest
 * (`META-INF/manifest.xml`, found through the ZIP's central directory)
 * lists encryption data. False for anything it cannot read.
 */
export function odsEncrypted(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > b.length) return false;
  let at = b.readUInt32LE(end + 16);
  for (let n = b.readUInt16LE(end + 10); n > 0 && at + 46 <= b.length && b.readUInt32LE(at) === 0x02014b50; n--) {
    const method = b.readUInt16LE(at + 10);
    const size = b.readUInt32LE(at + 20);
    const nameLength = b.readUInt16LE(at + 28);
    const name = b.toString('utf8', at + 46, at + 46 + nameLength);
    const local = b.readUInt32LE(at + 42);
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    if (name !== 'META-INF/manifest.xml' || local + 30 > b.length) continue;
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    try {
      const data = b.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8').includes('encryption-data');
    } catch {
      return false;
    }
  }
  return false;
}

/** An OLE compound file (.xls, .doc, an encrypted .xlsx …). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, CFB);
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}
