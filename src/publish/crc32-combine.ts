/**
 * The CRC-32 of two byte strings one after another, from the CRC-32 of each and the length of the
 * second: zlib's crc32_combine (which Node does not expose), so that a zip entry made of parts
 * kept between builds is checked without reading them again.
 */

/** A 32×32 matrix over GF(2), as 32 columns, times a vector. */
function times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i];
  return sum >>> 0;
}

function square(into: Uint32Array, matrix: Uint32Array): void {
  for (let n = 0; n < 32; n++) into[n] = times(matrix, matrix[n]);
}

/** The CRC-32 (zlib's, unsigned) of A then B, given crc(A), crc(B) and B's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcA >>> 0;
  // The operator for one zero bit: the reflected polynomial, then a shift.
  const odd = new Uint32Array(32);
  const even = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1; n < 32; n++) odd[n] = (1 << (n - 1)) >>> 0;
  square(even, odd); // two zero bits
  square(odd, even); // four
  // Apply lengthB zero bytes to crcA, squaring the operator for each bit of the length.
  let crc = crcA >>> 0;
  let length = lengthB;
  for (;;) {
    square(even, odd);
    if (length % 2 === 1) crc = times(even, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
    square(odd, even);
    if (length % 2 === 1) crc = times(odd, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
  }
  return (crc ^ crcB) >>> 0;
}
