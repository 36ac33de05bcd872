import zlib from 'node:zlib';
import { opaquePng } from './png';

/** Reads back what opaquePng wrote: chunk by chunk, CRCs checked, rows unfiltered. */
function decode(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: { type: string; data: Buffer }[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(
      zlib.crc32(png.subarray(offset + 4, offset + 8 + length)),
    );
    chunks.push({ type, data });
    offset += 12 + length;
  }
  return chunks;
}

describe('opaquePng', () => {
  it('writes an RGB PNG of the pixels, alpha dropped, that pdfkit can embed as it is', () => {
    // 2 × 2: red, green / blue, white
    const rgba = Uint8Array.from([
      255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255,
    ]);
    const chunks = decode(opaquePng(rgba, 2, 2));
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = chunks[0]?.data ?? Buffer.alloc(0);
    expect(header.readUInt32BE(0)).toBe(2);
    expect(header.readUInt32BE(4)).toBe(2);
    expect([...header.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
    const raw = zlib.inflateSync(chunks[1]?.data ?? Buffer.alloc(0));
    expect([...raw]).toEqual([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  });

  it('refuses pixels that do not match the size', () => {
    expect(() => opaquePng(new Uint8Array(12), 2, 2)).toThrow(/12 bytes is not 2 × 2/);
  });
});
