/**
 * What an entry of the export folder is, before anything is read from it (contract 1.1 §2
 * "Files and folders"): a regular file or a folder, reached directly or by a link that stays
 * inside the export, or a `file-error`. A FIFO is never opened (it would wait for a writer
 * forever), a link leading outside the export is never followed (its target's lines would be
 * quoted in the report), and a file's size is known before a byte of it is read.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import type { Bilingual } from '../contract/fields.ts';

/** The contract's size limit: "at least 4 GB". Files are read streaming, so this bounds time, not memory. */
export const MAX_FILE_BYTES = 4 * 2 ** 30;
/** wilayah.json is a handful of keys: anything larger is not one. */
export const MAX_WILAYAH_BYTES = 64 << 10;

export type Entry = { kind: 'file' | 'folder'; size: number } | { kind: 'error'; msg: Bilingual };

/** The export folder as its real path, so that links can be judged inside or outside it; null when it cannot be resolved. */
export async function exportRoot(dataDir: string): Promise<string | null> {
  try {
    return await realpath(dataDir);
  } catch {
    return null;
  }
}

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** `name` is how the report names the entry (its name in its folder). */
export async function inspect(path: string, name: string, root: string): Promise<Entry> {
  try {
    const own = await lstat(path);
    let target = path;
    if (own.isSymbolicLink()) {
      try {
        target = await realpath(path);
      } catch {
        return { kind: 'error', msg: brokenLink(name) };
      }
      if (!inside(root, target)) return { kind: 'error', msg: outsideLink(name) };
    }
    const st = own.isSymbolicLink() ? await stat(target) : own;
    if (st.isDirectory()) return { kind: 'folder', size: 0 };
    if (st.isFile()) return { kind: 'file', size: st.size };
    return { kind: 'error', msg: notRegular(name) };
  } catch (e) {
    return { kind: 'error', msg: unreadable(name, e) };
  }
}

const fsCode = (e: unknown) => (e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : 'unknown');

/** An error of the file system (permissions, a file gone): a file-error, never a stack trace. */
export const isFsError = (e: unknown): boolean => /^E[A-Z]+$/.test(fsCode(e));

export const unreadable = (name: string, e: unknown): Bilingual => ({
  id: `"${name}" tidak dapat dibaca (${fsCode(e)}). Periksa izin berkas, lalu salin ulang ekspornya.`,
  en: `"${name}" cannot be read (${fsCode(e)}). Check the file's permissions, then copy the export again.`,
});

const brokenLink = (name: string): Bilingual => ({
  id: `"${name}" adalah tautan (symlink) yang tidak menunjuk ke berkas mana pun. Salin berkasnya sendiri ke folder ini.`,
  en: `"${name}" is a link (symlink) that points to no file. Copy the file itself into this folder.`,
});

const outsideLink = (name: string): Bilingual => ({
  id: `"${name}" adalah tautan (symlink) ke luar folder ekspor dan tidak dibaca. Salin berkasnya sendiri ke folder ini.`,
  en: `"${name}" is a link (symlink) leading outside the export folder and is not read. Copy the file itself into this folder.`,
});

const notRegular = (name: string): Bilingual => ({
  id: `"${name}" bukan berkas biasa (pipa/FIFO, perangkat atau soket) dan tidak dibaca. Simpan datanya sebagai berkas CSV biasa.`,
  en: `"${name}" is not a regular file (a pipe/FIFO, device or socket) and is not read. Save the data as an ordinary CSV file.`,
});

export const folderNotFile = (name: string): Bilingual => ({
  id: `"${name}" adalah folder, bukan berkas. Ganti nama folder itu, atau simpan datanya sebagai berkas ${name}.`,
  en: `"${name}" is a folder, not a file. Rename the folder, or save the data as the file ${name}.`,
});

const gb = (bytes: number) => (bytes / 2 ** 30).toFixed(1);

export const tooLarge = (name: string, size: number, limit: number): Bilingual => ({
  id: `"${name}" berukuran ${gb(size)} GB, melebihi batas ${gb(limit)} GB, dan tidak dibaca. Periksa apakah berkasnya benar (bukan salinan rusak); ekspor periode yang lebih pendek bila memang sebesar itu.`,
  en: `"${name}" is ${gb(size)} GB, over the limit of ${gb(limit)} GB, and is not read. Check that it is the right file (not a damaged copy); export a shorter period if it really is that large.`,
});

export const sameNameIgnoringCase = (names: string[]): Bilingual => ({
  id: `berkas ${names.map((n) => `"${n}"`).join(' dan ')} bernama sama bila huruf besar/kecil diabaikan; tidak satu pun dibaca. Hapus atau ganti nama salah satunya.`,
  en: `files ${names.map((n) => `"${n}"`).join(' and ')} have the same name ignoring case; none of them is read. Delete or rename all but one.`,
});

export const hiddenRegion = (name: string): Bilingual => ({
  id: `folder "${name}" diawali titik (folder tersembunyi) dan tidak dibaca sebagai wilayah. Beri nama kode wilayah (mis. "binjai") atau pindahkan dari folder ekspor.`,
  en: `folder "${name}" starts with a dot (a hidden folder) and is not read as a region. Name it by the region's code (e.g. "binjai") or move it out of the export folder.`,
});

export const badRegionName = (name: string): Bilingual => ({
  id: `nama folder wilayah "${name}" tidak sah: gunakan huruf kecil, angka dan tanda hubung (2–40 karakter), mis. "jayapura".`,
  en: `region folder name "${name}" is invalid: use lower-case letters, digits and hyphens (2–40), e.g. "jayapura".`,
});

export const wilayahTooLarge = (size: number): Bilingual => ({
  id: `wilayah.json berukuran ${size} byte, melebihi batas ${MAX_WILAYAH_BYTES} byte: isinya hanya beberapa isian (nama, provinsi, tanggal_ekspor …).`,
  en: `wilayah.json is ${size} bytes, over the limit of ${MAX_WILAYAH_BYTES} bytes: it holds only a few keys (nama, provinsi, tanggal_ekspor …).`,
});
