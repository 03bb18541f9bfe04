/**
 * One input file on disk, validated: a large file in slices by several threads (fast/parallel.ts),
 * any other streamed (stream-file.ts). The same rules (rows.ts), the same issues, the same table.
 */
import type { AnyInputFile } from '../contract/input.ts';
import { fileSource } from '../read/file-source.ts';
import { isFsError } from './entry-words.ts';
import { validateInParallel } from './fast/parallel.ts';
import { validateStream, type FileContext, type FileResult } from './stream-file.ts';

// The streamed reading and its types live in stream-file.ts, which the browser's checker runs too.
export { rowTooLongIssue, type FileContext, type FileResult } from './stream-file.ts';

type Rec = Record<string, unknown>;

export async function validateFile(path: string, input: AnyInputFile, ctx: FileContext): Promise<FileResult<Rec>> {
  try {
    const parallel = await validateInParallel(path, input, ctx);
    if (parallel) return parallel;
  } catch (e) {
    if (!isFsError(e)) throw e;
    // Unreadable in slices: the streaming reader meets the same error and reports it.
  }
  return validateStream(fileSource(path), input, ctx);
}
