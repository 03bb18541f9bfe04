/**
 * The CLI's export folder: the disk. The rules are in regions.ts (shared with the browser's
 * checker); here an ExportFolder reads folders and files through node:fs, judges links and
 * FIFOs (entries.ts) and reads large files in slices on several threads (file.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportRoot, inspect } from './entries.ts';
import { validateFile } from './file.ts';
import { DEFAULT_MIN_BYTES, warmUp } from './fast/parallel.ts';
import { checkExport, type ExportFolder, type ValidatedExport, type ValidateOptions } from './regions.ts';

export {
  tableKey,
  type ExportReport,
  type FileCount,
  type FileSummary,
  type RecalledRegion,
  type RegionData,
  type ValidatedExport,
  type ValidateOptions,
} from './regions.ts';

function diskFolder(dataDir: string, root: string | null, opts: ValidateOptions): ExportFolder {
  return {
    found: async () => root !== null,
    // The export folder by its real path; a region by the path as given.
    list: (dir) => readdir(dir === '' ? root! : join(dataDir, dir)),
    // Links must stay inside the export folder's real path.
    inspect: (dir, name) => inspect(join(dataDir, dir, name), name, root ?? dataDir),
    readText: (dir, name) => readFile(join(dataDir, dir, name), 'utf8'),
    validate: (dir, name, input, ctx) => validateFile(join(dataDir, dir, name), input, ctx),
    prepare(sizes) {
      const minBytes = opts.parallel?.minBytes ?? DEFAULT_MIN_BYTES;
      if (sizes.some((size) => size >= minBytes)) warmUp(opts.parallel);
    },
  };
}

export async function validateExport(dataDir: string, opts: ValidateOptions = {}): Promise<ValidatedExport> {
  return checkExport(diskFolder(dataDir, await exportRoot(dataDir), opts), dataDir, opts);
}
