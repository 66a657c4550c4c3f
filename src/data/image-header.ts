/**
 * Width and height of an image read from its header, before anything is decoded: a 62 KB PNG can
 * claim 8000 × 8000 pixels and cost 256 MB to decode, so the size is checked first.
 * PNG (IHDR), JPEG (the first SOF marker), GIF (logical screen), BMP (info header), WebP
 * (VP8, VP8L, VP8X). Null when the header is not one of these or is damaged.
 */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const at = (i: number) => bytes[i] ?? 0;
  const be16 = (i: number) => (at(i) << 8) | at(i + 1);
  const le16 = (i: number) => at(i) | (at(i + 1) << 8);
  const be32 = (i: number) => ((at(i) << 24) | (at(i + 1) << 16) | (at(i + 2) << 8) | at(i + 3)) >>> 0;
  const le32 = (i: number) => (at(i) | (at(i + 1) << 8) | (at(i + 2) << 16) | (at(i + 3) << 24)) >>> 0;
  const ascii = (i: number, n: number) => String.fromCharCode(...bytes.subarray(i, i + n));
  if (bytes.length < 10) return null;
  // PNG: signature, then the IHDR chunk's width and height.
  if (at(0) === 0x89 && ascii(1, 3) === 'PNG' && ascii(12, 4) === 'IHDR') return sized(be32(16), be32(20));
  // JPEG: walk the markers to the first start-of-frame.
  if (at(0) === 0xff && at(1) === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (at(i) !== 0xff) return null;
      const marker = at(i + 1);
      if (marker === 0xff) {
        i++;
        continue;
      }
      const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isFrame) return sized(be16(i + 7), be16(i + 5));
      if (marker === 0xd9 || marker === 0xda) return null;
      i += 2 + be16(i + 2);
    }
    return null;
  }
  if (ascii(0, 4) === 'GIF8') return sized(le16(6), le16(8));
  if (ascii(0, 2) === 'BM' && bytes.length >= 26) return sized(le32(18), Math.abs(le32(22) | 0));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP' && bytes.length >= 30) {
    const chunk = ascii(12, 4);
    if (chunk === 'VP8 ') return sized(le16(26) & 0x3fff, le16(28) & 0x3fff);
    if (chunk === 'VP8L') {
      const b = le32(21);
      return sized((b & 0x3fff) + 1, ((b >>> 14) & 0x3fff) + 1);
    }
    if (chunk === 'VP8X') return sized(1 + (at(24) | (at(25) << 8) | (at(26) << 16)), 1 + (at(27) | (at(28) << 8) | (at(29) << 16)));
  }
  return null;
}

function sized(width: number, height: number): { width: number; height: number } | null {
  return width > 0 && height > 0 ? { width, height } : null;
}
