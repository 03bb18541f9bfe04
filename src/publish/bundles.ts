/**
 * Bundles for newsrooms: per region and for the whole site, one zip with the published tables
 * as CSV (a region's: its rows only, byte for byte the lines of the site's CSVs), datapackage.json,
 * a bilingual README (each table, the method in short, the privacy rules, the licence from
 * wilayah.json), CITATION.cff and SHA256SUMS. Deterministic: entries sorted, every mtime the
 * release date, so the same release makes the same bytes.
 *
 * A table split by region is deflated as parts (piecewise-deflate.ts): its header, then each
 * region's rows, each ending in a full flush, the one deflate stream of the entry. A region's rows
 * are one part in its own bundle and in the whole site's, kept between builds (part-cache.ts): a
 * build in which one region changed deflates that region's rows only.
 */
import { createHash } from 'node:crypto';
import { sha256 } from '../read/sha256.ts';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Zip, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import Papa from 'papaparse';
import { TABLES, type PublishedTable } from '../contract/published.ts';
import type { Wilayah } from '../contract/wilayah.ts';
import { quoteCsv } from '../charts/csv-text.ts';
import { csvHeader } from './csv.ts';
import { csvFileName } from '../queries/published-views.ts';
import { PARTITION_MANIFEST, type PartitionFile, type PartitionManifest } from '../queries/partitions.ts';
import { readFully, writeAll } from '../read/file-source.ts';
import { BUNDLES_DIR, SITE_BUNDLE, bundleFile } from './download-paths.ts';
import { crc32Combine } from './crc32-combine.ts';
import { PartCache } from './part-cache.ts';
import { regionFileBytes, regionLayout } from './partitions.ts';
import { deflatePart, FINAL_BLOCK, PiecewiseDeflate, type DeflatedPart } from './piecewise-deflate.ts';

export interface BundleContext {
  release: string;
  /** `YYYY-MM-DD`: the release's date, every entry's mtime. */
  releaseDate: string;
  threshold: number;
  /** KT_SITE_URL, or null. */
  siteUrl: string | null;
}

const enc = (s: string) => new TextEncoder().encode(s);

/** A CSV's header and the lines whose kode_wilayah is `kode`, each written as the site writes it. */
function regionCsv(text: string, kode: string): { bytes: Uint8Array; rows: number } | null {
  const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const at = header.indexOf('kode_wilayah');
  if (at < 0) return null;
  const mine = rows.filter((r) => r[at] === kode);
  // Cells are already guarded against formulas: only quoted again, as the site's CSV quoted them.
  const line = (r: string[]) => r.map(quoteCsv).join(',') + '\r\n';
  return { bytes: enc(line(header) + mine.map(line).join('')), rows: mine.length };
}

/**
 * An entry's content: bytes held, or a file of the site read as it is zipped (the national
 * survey table is 900 MB at 500 regions: held whole with its bundle, it was 1.9 GB of the build),
 * or made of region files (`regions`: the table's header, `head`, then each file's rows).
 */
type Content = Uint8Array | { path: string; regions?: { head: Buffer; files: readonly PartitionFile[] } };

/** A file is hashed this many bytes at a time, never whole. */
const CHUNK_BYTES = 1 << 20;

/** The content's bytes, CHUNK_BYTES at a time (the last fewer). */
async function eachChunk(content: Content, take: (chunk: Uint8Array) => void | Promise<void>): Promise<void> {
  if (content instanceof Uint8Array) {
    for (let at = 0; at < content.length; at += CHUNK_BYTES) await take(content.subarray(at, at + CHUNK_BYTES));
    return;
  }
  const file = await open(content.path);
  try {
    for (let full = true; full;) {
      const chunk = Buffer.alloc(CHUNK_BYTES);
      const filled = await readFully(file, chunk, null);
      full = filled === CHUNK_BYTES;
      if (filled > 0) await take(chunk.subarray(0, filled));
    }
  } finally {
    await file.close();
  }
}

/** The content's sha256 and length, as datapackage.json and SHA256SUMS give them. */
async function measure(content: Content): Promise<{ hash: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await eachChunk(content, (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  return { hash: hash.digest('hex'), bytes };
}

/**
 * One table's part of a bundle. A split table is read from its region files (partitions.ts
 * wrote them: the header and the region's lines, byte for byte), so that each region's bundle
 * reads its own rows and not the whole national table again: that made the bundles grow with
 * the square of the regions. Tables kept whole are small and are filtered here.
 */
async function tablePart(
  dataDir: string,
  table: PublishedTable,
  kode: string | null,
  manifest: PartitionManifest,
): Promise<{ content: Content; rows: number } | null> {
  const path = join(dataDir, csvFileName(table));
  if (!existsSync(path)) return null;
  const parts = manifest.tabel[table.name];
  if (kode === null) {
    if (!parts)
      return {
        content: { path },
        rows: Math.max(0, Papa.parse((await readFile(path)).toString('utf8'), { skipEmptyLines: true }).data.length - 1),
      };
    const head = await regionLayout(path, parts);
    return { content: head ? { path, regions: { head, files: parts } } : { path }, rows: parts.reduce((n, p) => n + p.rows, 0) };
  }
  if (!parts) {
    const mine = regionCsv((await readFile(path)).toString('utf8'), kode);
    return mine && { content: mine.bytes, rows: mine.rows };
  }
  const mine = parts.find((p) => p.kode_wilayah === kode);
  if (!mine) return { content: enc(csvHeader(table)), rows: 0 };
  const file = join(dataDir, mine.path);
  const head = await regionLayout(file, [mine]);
  return { content: head ? { path: file, regions: { head, files: [mine] } } : { path: file }, rows: mine.rows };
}

function readme(
  tables: readonly { table: PublishedTable; rows: number }[],
  scope: string,
  licences: readonly string[],
  ctx: BundleContext,
): string {
  const list = (lang: 'id' | 'en') =>
    tables
      .map(
        ({ table, rows }) =>
          `- \`${csvFileName(table)}\` — ${table.title[lang]} (${rows} ${lang === 'id' ? 'baris' : 'rows'}). ${table.description[lang]}`,
      )
      .join('\n');
  const where = ctx.siteUrl ? `${ctx.siteUrl}/data/` : '/data/';
  return `# Kinerja Terbuka — ${scope}

Rilis / release ${ctx.release} (${ctx.releaseDate}). Lisensi / licence: ${licences.join(', ')}.

## Bahasa Indonesia

Paket ini berisi tabel yang diterbitkan situs Kinerja Terbuka untuk ${scope}, sama persis dengan unduhan di ${where} (kamus data lengkap: \`datapackage.json\`; checksum: \`SHA256SUMS\`; cara mengutip: \`CITATION.cff\`).

### Tabel

${list('id')}

### Metode singkat

- IKM (PermenPAN-RB 14/2017): nilai rata-rata tiap unsur (NRR) dari jawaban yang terisi; IKM = (jumlah NRR × 1/9) × 25, dibulatkan 2 desimal; interval kepercayaan 95% = IKM ± 1,96·s/√n. Angka resmi adalah IKM tahunan; semester di antaranya.
- Capaian indikator: arah naik = realisasi/target × 100; arah turun = (2 − realisasi/target) × 100. Kategori capaian bukan tanda target tercapai (kolom \`tercapai\`).
- Tabel bulanan (ketepatan layanan, pengaduan, kepatuhan laporan) dihitung per unit dan bulan dari ekspor daerah.
- Sel kosong berarti tidak dapat dihitung, belum dilaporkan, atau disembunyikan demi privasi — bukan nol.

### Aturan privasi

Tidak ada NIP, nama, nomor responden atau pengaduan, maupun teks bebas di paket ini. Jumlah predikat pegawai disembunyikan bila kelompoknya kurang dari ${ctx.threshold} pegawai (ambang kelompok). Data mikro survei (\`skm_responden\`) k-anonim dengan k = ${ctx.threshold}: semester, tiga kelompok umur dan tiga jenjang pendidikan.

## English

This bundle holds the tables the Kinerja Terbuka site publishes for ${scope}, identical to the downloads at ${where} (full data dictionary: \`datapackage.json\`; checksums: \`SHA256SUMS\`; how to cite: \`CITATION.cff\`).

### Tables

${list('en')}

### Method in short

- IKM (PermenPAN-RB 14/2017): the mean score of each element (NRR) over the answers given; IKM = (sum of NRR × 1/9) × 25, rounded to 2 decimals; 95% confidence interval = IKM ± 1.96·s/√n. The official figure is the annual IKM; half-years are in between.
- Indicator achievement: direction up = actual/target × 100; down = (2 − actual/target) × 100. A category is not a met target (column \`tercapai\`).
- Monthly tables (timeliness, complaints, report compliance) are computed per unit and month from the regions' exports.
- An empty cell means not computable, not reported yet, or hidden for privacy — never zero.

### Privacy rules

No NIP, name, respondent or complaint number, or free text is in this bundle. Predikat counts are hidden when their group has fewer than ${ctx.threshold} employees (the group threshold). The survey microdata (\`skm_responden\`) are k-anonymous with k = ${ctx.threshold}: half-year, three age bands and three education levels.
`;
}

const yaml = (s: string) => JSON.stringify(s);

function citationCff(
  scope: string,
  authors: readonly string[],
  licences: readonly string[],
  ctx: BundleContext,
  url: string | null,
): string {
  return [
    'cff-version: 1.2.0',
    `message: ${yaml('Kutip data ini seperti di bawah / cite these data as below.')}`,
    'type: dataset',
    `title: ${yaml(`Kinerja Terbuka — ${scope}`)}`,
    `version: ${yaml(ctx.release)}`,
    `date-released: ${yaml(ctx.releaseDate)}`,
    'authors:',
    ...authors.map((a) => `  - name: ${yaml(a)}`),
    ...(licences.length === 1 ? [`license: ${yaml(licences[0])}`] : []),
    ...(url ? [`url: ${yaml(url)}`] : []),
    '',
  ].join('\n');
}

/** The entries of one bundle, in order; `kode` null for the whole site. */
async function bundle(
  dataDir: string,
  kode: string | null,
  regions: readonly { code: string; wilayah: Wilayah }[],
  ctx: BundleContext,
  manifest: PartitionManifest,
): Promise<BundleEntry[]> {
  const mine = kode === null ? regions : regions.filter((r) => r.code === kode);
  const scope = kode === null ? 'semua wilayah / all regions' : `${mine[0].wilayah.nama} (${kode})`;
  const files: Record<string, Content> = {};
  const hashes: Record<string, string> = {};
  const tables: { table: PublishedTable; rows: number; hash: string; bytes: number }[] = [];
  for (const table of TABLES) {
    const part = await tablePart(dataDir, table, kode, manifest);
    if (!part) continue;
    const name = csvFileName(table);
    const { hash, bytes } = await measure(part.content);
    files[name] = part.content;
    hashes[name] = hash;
    tables.push({ table, rows: part.rows, hash, bytes });
  }
  const licences = [...new Set(mine.map((r) => r.wilayah.lisensi))].sort();
  const url = ctx.siteUrl ? `${ctx.siteUrl}${kode === null ? '/data/' : `/wilayah/${kode}/`}` : null;
  const pkg = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: kode === null ? SITE_BUNDLE : `${SITE_BUNDLE}-${kode}`,
    title: `Kinerja Terbuka — ${scope}`,
    version: ctx.release,
    created: `${ctx.releaseDate}T00:00:00Z`,
    licenses: licences.map((name) => ({ name })),
    sources: mine.map((r) => ({
      title: `${r.wilayah.nama} (${r.wilayah.provinsi})`,
      kode_wilayah: r.code,
      tanggal_ekspor: r.wilayah.tanggal_ekspor,
    })),
    resources: tables.map(({ table, rows, hash, bytes }) => ({
      name: table.name,
      title: `${table.title.id} — ${table.title.en}`,
      path: csvFileName(table),
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes,
      hash: `sha256:${hash}`,
      rows,
      schema: {
        fields: table.columns.map((c) => ({ name: c.name, type: c.type, description: `${c.description.id} — ${c.description.en}` })),
        missingValues: [''],
        ...(table.primaryKey.length ? { primaryKey: table.primaryKey } : {}),
      },
    })),
  };
  files['datapackage.json'] = enc(JSON.stringify(pkg, null, 2) + '\n');
  files['README.md'] = enc(readme(tables, scope, licences, ctx));
  files['CITATION.cff'] = enc(citationCff(scope, ['Kinerja Terbuka', ...mine.map((r) => r.wilayah.nama)], licences, ctx, url));
  const names = Object.keys(files).sort();
  for (const n of names) hashes[n] ??= sha256(files[n] as Uint8Array);
  files['SHA256SUMS'] = enc(names.map((n) => `${hashes[n]}  ${n}\n`).join(''));
  hashes['SHA256SUMS'] = sha256(files['SHA256SUMS'] as Uint8Array);
  return [...names, 'SHA256SUMS'].map((name) => ({ name, content: files[name], sha256: hashes[name] }));
}

/** One entry of a bundle: its content, and the sha256 its SHA256SUMS gives (checked as it is zipped). */
interface BundleEntry {
  name: string;
  content: Content;
  sha256: string;
}

/** fflate's streaming zip writes 32-bit sizes and offsets (no zip64): past them, a bundle is refused, not cut. */
const ZIP32_LIMIT = 0xffffffff;

/**
 * Zlib's level for a bundle's entries. At 4 (zlib's first level that looks for longer matches), the
 * survey microdata of 50 regions (90 MB) take 7.88 MB in 1.6 s of a libuv thread, what fflate's
 * level 3 made on the main thread (7.90 MB, 1.3 s); zlib's level 3 made 9.47 MB, level 6 7.69 MB
 * in 6.8 s (docs/benchmark.md, Session 28).
 */
const LEVEL = 4;

/** Where the region files are; the parts of earlier builds, with the version of the code that makes them (shards.ts codeVersion), if kept. */
interface BundleParts {
  dataDir: string;
  kept?: { cache: PartCache; code: string };
}

/**
 * A region file's rows (its bytes after the header), deflated: kept from an earlier build by the
 * file's hash, or read (its hash checked against its manifest's), deflated and kept.
 */
async function regionRows({ dataDir, kept }: BundleParts, file: PartitionFile, headBytes: number): Promise<DeflatedPart> {
  const key = kept && PartCache.key('paket', kept.code, LEVEL, headBytes, file.sha256);
  const found = key && (await kept.cache.get(key));
  if (found) return found;
  const part = await deflatePart((await regionFileBytes(dataDir, file)).subarray(headBytes), LEVEL);
  if (key) await kept.cache.put(key, part);
  return part;
}

/**
 * A zip entry whose deflated bytes are given as they are (fflate's ZipInputFile): its CRC-32 and
 * size are set before the last of them, and go in its data descriptor and the central directory.
 */
class Deflated implements ZipInputFile {
  readonly compression = 8;
  crc = 0;
  size = 0;
  ondata?: AsyncFlateStreamHandler;
  constructor(
    readonly filename: string,
    readonly mtime: Date,
  ) {}
  push(bytes: Uint8Array, last = false): void {
    this.ondata!(null, bytes as Uint8Array<ArrayBuffer>, last);
  }
}

/**
 * gzip's frame (RFC 1952) as Node's zlib writes it here: no name, no time, Unix. Around a deflate
 * stream made of parts, it is the gzip twin of the file those parts are (precompress.ts).
 */
const GZIP_HEAD = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]);

/**
 * The gzip twin of a site file an entry is made of (a split table: its header's part, then its
 * regions' rows), written from the entry's own deflated parts as they come: a file of the
 * national survey table took 6 s of zlib at level 6 (50 regions), and its parts are kept between
 * builds. At the bundles' level in parts of a region, a few per cent more bytes (7.88 against 7.69 MB).
 */
class PartsTwin {
  private open = true;
  private constructor(private readonly file: FileHandle) {}
  static async open(path: string): Promise<PartsTwin> {
    const twin = new PartsTwin(await open(path, 'w'));
    await writeAll(twin.file, GZIP_HEAD);
    return twin;
  }
  add(part: DeflatedPart): Promise<void> {
    return writeAll(this.file, part.deflated);
  }
  /** The stream's end, then the CRC-32 and size (mod 2³²) of all the parts' input; closed (a failure to close is the twin's). */
  async end(crc: number, size: number): Promise<void> {
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE(size % 2 ** 32, 4);
    await writeAll(this.file, Buffer.concat([FINAL_BLOCK, trailer]));
    this.open = false;
    await this.file.close();
  }
  /** Closed unended, after a failure (which is the one thrown): the stage, twin and all, is removed. */
  async abandon(): Promise<void> {
    if (this.open) await this.file.close().catch(() => {});
  }
}

/**
 * A zip of `entries`, in order, written to `path` as it is deflated (fflate's stream: each
 * entry's sizes and CRC-32 follow its data, in a data descriptor), so that no table is held
 * whole. Every mtime is `date`'s. A region's rows are taken from `cache` where kept. With
 * `twins`, an entry made of region files' parts also gives the file it is, where wanted, its
 * gzip twin (`<file>.gz`, PartsTwin), told by its path.
 */
async function writeZip(
  path: string,
  entries: readonly BundleEntry[],
  date: string,
  parts: BundleParts,
  twins?: { wants: (path: string) => boolean; made: (twin: string) => void },
): Promise<void> {
  const [y, m, d] = date.split('-').map(Number);
  // fflate writes DOS times in local time: a local midnight of the release date is that date everywhere.
  const mtime = new Date(y, m - 1, d);
  const file = await open(path, 'w');
  try {
    let out: Uint8Array[] = [];
    let failed: Error | null = null;
    let written = 0;
    const zip = new Zip((error, chunk) => (error ? (failed = error) : out.push(chunk)));
    const flush = async () => {
      const held = out;
      out = [];
      for (const chunk of held) {
        await writeAll(file, chunk);
        written += chunk.length;
      }
      if (failed) throw failed;
      if (written >= ZIP32_LIMIT) throw new Error(`${path}: lebih dari 4 GiB / over 4 GiB (zip64 tidak ditulis / zip64 is not written)`);
    };
    for (const { name, content, sha256 } of entries) {
      const entry = new Deflated(name, mtime);
      zip.add(entry);
      let crc = 0;
      let size = 0;
      const put = async ({ deflated, crc: c, size: n }: DeflatedPart) => {
        crc = crc32Combine(crc, c, n);
        size += n;
        entry.push(deflated);
        await flush();
      };
      if (content instanceof Uint8Array) await put(await deflatePart(content, LEVEL));
      else if (content.regions) {
        const twin = twins?.wants(content.path) ? await PartsTwin.open(`${content.path}.gz`) : null;
        try {
          const both = async (part: DeflatedPart) => (await put(part), await twin?.add(part));
          await both(await deflatePart(content.regions.head, LEVEL));
          for (const f of content.regions.files) await both(await regionRows(parts, f, content.regions.head.length));
          await twin?.end(crc, size);
        } catch (e) {
          await twin?.abandon();
          throw e;
        }
        if (twin) twins!.made(`${content.path}.gz`);
      } else {
        // Read as it is deflated, a mebibyte a piece on libuv's pool: the bytes zipped are the bytes SHA256SUMS names.
        const stream = new PiecewiseDeflate(LEVEL);
        const hash = createHash('sha256');
        // pipeline: a read error fails the entry (a pipe would leave the deflate stream waiting for ever).
        await pipeline(
          createReadStream(content.path),
          async function* (read: AsyncIterable<Buffer>) {
            for await (const chunk of read) {
              hash.update(chunk);
              yield chunk;
            }
          },
          stream,
          async (pieces: AsyncIterable<Buffer>) => {
            for await (const chunk of pieces) {
              entry.push(chunk);
              await flush();
            }
          },
        );
        // The stream's own end (an empty final block) came with its last chunk: this entry ends here.
        if (hash.digest('hex') !== sha256) throw new Error(`${path}: ${name} berubah selagi dibaca / changed while it was read`);
        crc = stream.digest().readUInt32BE(0);
        size = stream.size();
      }
      entry.crc = crc;
      entry.size = size;
      entry.push(content instanceof Uint8Array || content.regions ? FINAL_BLOCK : new Uint8Array(0), true);
      await flush();
      if (size >= ZIP32_LIMIT)
        throw new Error(`${path}: ${name} lebih dari 4 GiB / over 4 GiB (zip64 tidak ditulis / zip64 is not written)`);
    }
    zip.end();
    await flush();
  } finally {
    await file.close();
  }
}

/**
 * Writes every bundle (bundleFile); returns the gzip twins written beside the site files their
 * entries are made of (a split table, a region's file of it: PartsTwin), relative to the data
 * folder: of those files `twinned` names (absolute paths). A file whose
 * bytes the site holds elsewhere too (a table copied into its release's folder, there in later
 * releases too) gets its twins as any file does, the same at every path and in every build.
 */
export async function writeBundles(
  dataDir: string,
  regions: readonly { code: string; wilayah: Wilayah }[],
  ctx: BundleContext,
  /** Where the parts of earlier builds are kept, with the version of the code that made them; none: every part made. */
  kept?: { cache: PartCache; code: string },
  twinned: (path: string) => boolean = () => true,
): Promise<string[]> {
  await mkdir(join(dataDir, BUNDLES_DIR), { recursive: true });
  const manifest = JSON.parse(await readFile(join(dataDir, PARTITION_MANIFEST), 'utf8')) as PartitionManifest;
  const twins: string[] = [];
  for (const kode of [null, ...regions.map((r) => r.code)]) {
    const entries = await bundle(dataDir, kode, regions, ctx, manifest);
    await writeZip(
      join(dataDir, bundleFile(kode)),
      entries,
      ctx.releaseDate,
      { dataDir, kept },
      {
        wants: twinned,
        made: (twin) => twins.push(relative(dataDir, twin)),
      },
    );
  }
  return twins;
}
