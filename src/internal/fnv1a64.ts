/**
 * FNV-1a, 64 bits (Fowler–Noll–Vo; the parameters of draft-eastlake-fnv), over the UTF-8 bytes of a
 * text, as 16 lowercase hex digits. The 64-bit state is kept as two unsigned 32-bit halves in plain
 * numbers: BigInt arithmetic is several times slower, and every product below stays under 2^53, so
 * it is exact in a double.
 *
 * A non-cryptographic hash: for telling contents apart, never for security.
 */

/** The offset basis 0xcbf29ce484222325, as its two halves. */
const BASIS_HI = 0xcbf29ce4;
const BASIS_LO = 0x84222325;
/** The prime 0x100000001b3 = 2^40 + 0x1b3. */
const PRIME_LO = 0x1b3;
const TWO_32 = 4_294_967_296;

/**
 * The FNV-1a 64 hash of `text`'s UTF-8 encoding (a lone surrogate is read as U+FFFD, as
 * `TextEncoder` does), as 16 lowercase hex digits.
 * @internal
 */
export function fnv1a64(text: string): string {
  let hi = BASIS_HI;
  let lo = BASIS_LO;
  // One byte: xor it into the low half, then multiply the state by the prime modulo 2^64:
  // (hi·2^32 + lo)(2^40 + 0x1b3) ≡ lo·0x1b3 + 2^32·(hi·0x1b3 + lo·2^8)  (mod 2^64).
  const step = (byte: number) => {
    lo = (lo ^ byte) >>> 0;
    const low = lo * PRIME_LO; // < 2^41
    hi = (hi * PRIME_LO + ((lo << 8) >>> 0) + Math.floor(low / TWO_32)) >>> 0; // < 2^42 before the cut
    lo = low >>> 0;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else c = 0xfffd;
    }
    if (c < 0x80) step(c);
    else if (c < 0x800) {
      step(0xc0 | (c >> 6));
      step(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      step(0xe0 | (c >> 12));
      step(0x80 | ((c >> 6) & 0x3f));
      step(0x80 | (c & 0x3f));
    } else {
      step(0xf0 | (c >> 18));
      step(0x80 | ((c >> 12) & 0x3f));
      step(0x80 | ((c >> 6) & 0x3f));
      step(0x80 | (c & 0x3f));
    }
  }
  return hex8(hi) + hex8(lo);
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');
