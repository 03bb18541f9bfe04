/** Whether one path lies in a folder: the one test of it (a link out of an export, a record kept inside the site). */
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Whether `path` is `root` or lies under it, both taken as absolute paths (not following links: callers pass real paths where that matters). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  // `..` alone or as the first step leaves the folder; a name that only begins with `..` does not.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
