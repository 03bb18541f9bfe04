/**
 * What the validator says about an entry of the export folder, and its limits: plain data and
 * words, shared by the CLI's disk reading (entries.ts) and the browser's checker.
 */
import type { Bilingual } from '../contract/fields.ts';

/** The contract's size limit: "at least 4 GB". Files are read streaming, so this bounds time, not memory. */
export const MAX_FILE_BYTES = 4 * 2 ** 30;
/** wilayah.json is a handful of keys: anything larger is not one. */
export const MAX_WILAYAH_BYTES = 64 << 10;

export type Entry = { kind: 'file' | 'folder'; size: number } | { kind: 'error'; msg: Bilingual };

const fsCode = (e: unknown) => (e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : 'unknown');

/** An error of the file system (permissions, a file gone): a file-error, never a stack trace. */
export const isFsError = (e: unknown): boolean => /^E[A-Z]+$/.test(fsCode(e));

export const unreadable = (name: string, e: unknown): Bilingual => ({
  id: `"${name}" tidak dapat dibaca (${fsCode(e)}). Periksa izin berkas, lalu salin ulang ekspornya.`,
  en: `"${name}" cannot be read (${fsCode(e)}). Check the file's permissions, then copy the export again.`,
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
