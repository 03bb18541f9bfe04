/**
 * What an entry of the export folder is, before anything is read from it (contract 1.1 §2
 * "Files and folders"): a regular file or a folder, reached directly or by a link that stays
 * inside the export, or a `file-error`. A FIFO is never opened (it would wait for a writer
 * forever), a link leading outside the export is never followed (its target's lines would be
 * quoted in the report), and a file's size is known before a byte of it is read.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import { isInside } from '../read/inside.ts';
import type { Bilingual } from '../contract/fields.ts';
import { unreadable, type Entry } from './entry-words.ts';

// The limits and words of entries are shared with the browser's checker, which has no node:fs.
export * from './entry-words.ts';

/** The export folder as its real path, so that links can be judged inside or outside it; null when it cannot be resolved. */
export async function exportRoot(dataDir: string): Promise<string | null> {
  try {
    return await realpath(dataDir);
  } catch {
    return null;
  }
}

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
      if (!isInside(root, target)) return { kind: 'error', msg: outsideLink(name) };
    }
    const st = own.isSymbolicLink() ? await stat(target) : own;
    if (st.isDirectory()) return { kind: 'folder', size: 0 };
    if (st.isFile()) return { kind: 'file', size: st.size };
    return { kind: 'error', msg: notRegular(name) };
  } catch (e) {
    return { kind: 'error', msg: unreadable(name, e) };
  }
}

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
