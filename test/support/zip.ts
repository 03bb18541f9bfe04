/** Reading a zip's own bytes, apart from the libraries that write them. */

/** The DOS [time, date] of every entry of a zip, from its central directory and from each local header. */
export function zipDates(zip: Buffer): [number, number][] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let [count, offset] = [zip.readUInt16LE(eocd + 10), zip.readUInt32LE(eocd + 16)];
  if (zip.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z64 = Number(zip.readBigUInt64LE(eocd - 12));
    [count, offset] = [Number(zip.readBigUInt64LE(z64 + 32)), Number(zip.readBigUInt64LE(z64 + 48))];
  }
  const out: [number, number][] = [];
  for (let i = 0, p = offset; i < count; i++) {
    const local = zip.readUInt32LE(p + 42);
    out.push([zip.readUInt16LE(p + 12), zip.readUInt16LE(p + 14)], [zip.readUInt16LE(local + 10), zip.readUInt16LE(local + 12)]);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

/** [time, date] as a zip stores a date at 00:00:00 (month 1–12). */
export const dosDate = (y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): [number, number] => [
  (hh << 11) | (mm << 5) | (ss >> 1),
  ((y - 1980) << 9) | (m << 5) | d,
];
