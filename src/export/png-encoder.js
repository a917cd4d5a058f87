// A PNG file of an RGBA image as resvg renders it (premultiplied alpha, 8 bits a channel): no
// filter, zlib at level PNG_DEFLATE_LEVEL. Plain JavaScript, for the PNG worker. resvg's own
// encoder took 26 ms of a cloud's 45 (1800 × 1160) and made larger files; this takes 11 ms, and
// the files are 15% smaller. The bytes depend on zlib's version (Node's) and the level, which
// the run records with its package versions.
import * as zlib from 'node:zlib';

export const PNG_DEFLATE_LEVEL = 3;

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** The PNG of a width × height image whose pixels are `rgba` (premultiplied, row by row). */
export function encodePng(width, height, rgba) {
  const stride = width * 4;
  if (rgba.length !== stride * height) throw new RangeError(`${rgba.length} bytes are not a ${width} × ${height} RGBA image`);
  // each row after a filter byte 0 (none); PNG keeps colours unmultiplied, so a pixel that is not
  // opaque is divided by its alpha (the clouds and charts paint a white ground: none are)
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  if (!opaque(rgba))
    for (let y = 0; y < height; y++)
      for (let at = y * (stride + 1) + 1, end = at + stride; at < end; at += 4) {
        const a = rows[at + 3];
        if (a === 255) continue;
        for (let c = 0; c < 3; c++) rows[at + c] = a === 0 ? 0 : Math.min(255, Math.round((rows[at + c] * 255) / a));
      }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits a channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: PNG_DEFLATE_LEVEL })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Whether every pixel's alpha is 255 (read four bytes at a time where the pixels are aligned for it). */
function opaque(rgba) {
  if (rgba.byteOffset % 4 === 0) {
    const words = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length / 4);
    // the alpha byte is the word's high byte on a little-endian machine, the low one on a big-endian one
    const mask = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0xff000000 : 0xff;
    for (let i = 0; i < words.length; i++) if ((words[i] & mask) !== (mask | 0)) return false;
    return true;
  }
  for (let at = 3; at < rgba.length; at += 4) if (rgba[at] !== 255) return false;
  return true;
}

/** zlib's CRC-32 (Node 20.15 and later), else the same sum worked out here (tableCrc32). */
const crc32 = zlib.crc32 ?? tableCrc32;
let table = null;
export function tableCrc32(bytes) {
  if (table === null) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
