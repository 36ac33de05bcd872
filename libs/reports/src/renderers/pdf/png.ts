/**
 * An opaque RGB PNG from a canvas's RGBA pixels. pdfkit embeds such a PNG's compressed data as
 * it is; a PNG with an alpha channel (what canvas encoders write) it must inflate, unfilter
 * pixel by pixel in JavaScript, split and deflate again, which cost more than drawing the chart.
 */
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** `rgba` holds width × height pixels, 4 bytes each, opaque (its alpha is dropped). */
export function opaquePng(rgba: Uint8Array, width: number, height: number): Buffer {
  if (rgba.length !== width * height * 4) {
    throw new Error(`opaquePng: ${rgba.length} bytes is not ${width} × ${height} RGBA pixels`);
  }
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    let out = y * stride + 1; // byte 0 of each row: filter type 0, none
    let source = y * width * 4;
    for (let x = 0; x < width; x += 1) {
      raw[out] = rgba[source] as number;
      raw[out + 1] = rgba[source + 1] as number;
      raw[out + 2] = rgba[source + 2] as number;
      out += 3;
      source += 4;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // colour type: RGB
  // bytes 10–12: deflate, adaptive filtering, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
