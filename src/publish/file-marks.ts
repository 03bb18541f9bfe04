/**
 * What a file is on disk, for files shared between builds by hard links (a reused region's files,
 * a kept part of the search index): its mark, and a link made where one can be, else a copy.
 */
import { copyFileSync, linkSync, type BigIntStats } from 'node:fs';

/** A file's device, inode, size and the time it was last written (ns): the same while no one writes it. */
export const fileState = (s: BigIntStats): string => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;

/**
 * A file as it lies on disk: its fileState and the time its inode last changed (ns). Writing a
 * file changes the time it was written, and setting that time back changes the other, which no
 * program can set; so the same mark is the same bytes. (Where a file system's clock is coarse,
 * two writes of the same size within one of its ticks would keep the mark; Linux's ext4, xfs and
 * btrfs keep nanoseconds.) Making or removing a link to the file changes it too: a mark is taken
 * once the links it will keep are made and the others removed.
 */
export const fileMark = (s: BigIntStats): string => `${fileState(s)}:${s.ctimeNs}`;

/** A hard link cannot be made here: across file systems, or where links are not supported or too many. */
export const NO_LINK = new Set(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * `to` made the file `from` is: a hard link, or a copy where no link can be made. Only for files
 * no build writes into in place (a build unlinks before it writes: precompress.ts), since a
 * write through one name is a write through the other.
 */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (e) {
    if (!NO_LINK.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
    copyFileSync(from, to);
  }
}
