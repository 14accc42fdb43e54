const CRC_TABLE: readonly number[] = (() => {
  const table: number[] = [];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table.push(c >>> 0);
  }
  return table;
})();

/** CRC-32 (IEEE 802.3) of the bytes of an ASCII string. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    const byte = text.charCodeAt(i) & 0xff;
    crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** The base62 alphabet GitHub and npm use for token checksums (digits, upper, lower). */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Base62 of an unsigned 32-bit integer, left-padded with `0` to `width`. */
export function base62(value: number, width = 6): string {
  let out = '';
  let n = value;
  while (n > 0) {
    out = (BASE62[n % 62] ?? '') + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, '0');
}

/**
 * GitHub (`ghp_…`) and npm (`npm_…`) tokens: a 4-character prefix, 30 random base62
 * characters, then the CRC-32 of those 30 characters in 6 base62 characters.
 */
export function hasValidTokenChecksum(token: string): boolean {
  if (token.length !== 40) return false;
  const body = token.slice(4, 34);
  return base62(crc32(body)) === token.slice(34);
}
