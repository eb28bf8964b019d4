/**
 * A small PNG reader for tests that look at rendered pictures: 8-bit RGB or RGBA, not interlaced
 * (what Chromium's screenshots are). It checks the signature and each chunk's CRC, inflates the
 * IDAT data with node's zlib and undoes the five row filters of the PNG specification.
 */
import { inflateSync } from 'node:zlib';

export interface Png {
  readonly width: number;
  readonly height: number;
  /** The pixel at (x, y) as `#rrggbb` (alpha, if any, ignored). */
  hex(x: number, y: number): string;
  /** The pixel at (x, y) as [r, g, b]. */
  rgb(x: number, y: number): [number, number, number];
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(file: Buffer): Png {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const body = file.subarray(at + 8, at + 8 + length);
    if (crc32(file.subarray(at + 4, at + 8 + length)) !== file.readUInt32BE(at + 8 + length))
      throw new Error(`bad CRC in chunk ${type}`);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0)
        throw new Error(`unsupported PNG: bit depth ${depth}, colour type ${colour}, interlace ${interlace}`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1))
    throw new Error(`expected ${height * (stride + 1)} bytes, got ${raw.length}`);
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? pixels[out + i - channels]! : 0;
      const b = y > 0 ? pixels[out - stride + i]! : 0;
      const c = i >= channels && y > 0 ? pixels[out - stride + i - channels]! : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`unknown filter ${filter} on row ${y}`);
      pixels[out + i] = (row[i]! + predictor) & 0xff;
    }
  }
  const rgb = (x: number, y: number): [number, number, number] => {
    if (x < 0 || y < 0 || x >= width || y >= height) throw new Error(`(${x}, ${y}) is outside ${width} × ${height}`);
    const i = y * stride + x * channels;
    return [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
  };
  return {
    width,
    height,
    rgb,
    hex: (x, y) =>
      `#${rgb(x, y)
        .map((v) => v.toString(16).padStart(2, '0'))
        .join('')}`,
  };
}
