/**
 * The files an officer picked (a folder through the directory picker, or dropped) as an
 * ExportFolder, so that the validator's own rules (validate/regions.ts) read them exactly as the
 * CLI reads a folder on disk. No node: imports: it runs in the checker's worker (and in unit tests).
 *
 * What was picked is judged like `npm run validate -- --data <it>`:
 * - a folder holding region folders is the export folder (its name is the report's label);
 * - a folder holding contract files itself (wilayah.json, unit.csv …) is one region folder, checked
 *   as an export with that one region: the CLI run on its parent folder holding only it;
 * - loose files (dropped without their folder) are one region folder named LOOSE_REGION.
 * Only files are known to a picker: an empty folder cannot be told from none.
 */
import { INPUTS } from '../../contract/inputs/index.ts';
import { blobSource, type ByteSource } from '../../read/source.ts';
import type { Entry } from '../../validate/entry-words.ts';
import type { ExportFolder } from '../../validate/regions.ts';
import { validateStream } from '../../validate/stream-file.ts';
import { LOOSE_REGION } from './messages.ts';

export interface PickedFile {
  /** The path from the picked folder's parent, parts joined by "/" (a File's webkitRelativePath), or the bare name of a loose file. */
  path: string;
  file: Blob;
}

/** Progress of one file: `rows` data rows and `bytes` of `size` read. */
export type FileProgress = (at: { region: string; file: string }, done: { rows?: number; bytes?: number; size: number }) => void;

type Node = { kind: 'folder'; children: Map<string, Node> } | { kind: 'file'; file: Blob };

const folderNode = (): Node & { kind: 'folder' } => ({ kind: 'folder', children: new Map() });

const CONTRACT_NAMES = new Set(['wilayah.json', ...INPUTS.map((i) => i.file)]);
const holdsContractFiles = (node: Node & { kind: 'folder' }) =>
  [...node.children].some(([name, n]) => n.kind === 'file' && CONTRACT_NAMES.has(name.toLowerCase()));

function tree(files: readonly PickedFile[]): Node & { kind: 'folder' } {
  const root = folderNode();
  for (const { path, file } of files) {
    const parts = path.split('/').filter((p) => p !== '');
    let at = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        if (!at.children.has(part)) at.children.set(part, { kind: 'file', file });
        return;
      }
      const next = at.children.get(part);
      if (next?.kind === 'folder') at = next;
      else at.children.set(part, (at = folderNode()));
    });
  }
  return root;
}

/** The export folder of what was picked, and the name the report gives it. */
export function pickedExport(files: readonly PickedFile[]): { root: Node & { kind: 'folder' }; label: string } {
  const all = tree(files);
  const tops = [...all.children];
  // One folder picked (or dropped): its name is the label.
  if (tops.length === 1 && tops[0][1].kind === 'folder') {
    const [name, node] = tops[0] as [string, Node & { kind: 'folder' }];
    if (!holdsContractFiles(node)) return { root: node, label: name };
    return { root: { kind: 'folder', children: new Map([[name, node]]) }, label: name };
  }
  if (!holdsContractFiles(all)) return { root: all, label: '.' };
  return { root: { kind: 'folder', children: new Map([[LOOSE_REGION, all]]) }, label: '.' };
}

/** A Blob read as a ByteSource, telling `onBytes` how much of it is read. */
function countedSource(blob: Blob, onBytes: (bytes: number) => void): ByteSource {
  const inner = blobSource(blob);
  return {
    async *chunks(chunkSize) {
      let bytes = 0;
      for await (const chunk of inner.chunks(chunkSize)) {
        yield chunk;
        onBytes((bytes += chunk.length));
      }
    },
  };
}

export function pickedFolder(files: readonly PickedFile[], progress?: FileProgress): { folder: ExportFolder; label: string } {
  const { root, label } = pickedExport(files);
  const at = (dir: string): Node => {
    let node: Node | undefined = root;
    for (const part of dir.split('/').filter((p) => p !== '')) node = node?.kind === 'folder' ? node.children.get(part) : undefined;
    if (!node) throw Object.assign(new Error(`no folder ${dir}`), { code: 'ENOENT' });
    return node;
  };
  const fileAt = (dir: string, name: string): Blob => {
    const node = (at(dir) as Node & { kind: 'folder' }).children.get(name);
    if (node?.kind !== 'file') throw Object.assign(new Error(`no file ${name}`), { code: 'ENOENT' });
    return node.file;
  };
  const folder: ExportFolder = {
    found: async () => true,
    list: async (dir) => {
      const node = at(dir);
      return node.kind === 'folder' ? [...node.children.keys()] : [];
    },
    inspect: async (dir, name): Promise<Entry> => {
      const node = (at(dir) as Node & { kind: 'folder' }).children.get(name)!;
      return node.kind === 'folder' ? { kind: 'folder', size: 0 } : { kind: 'file', size: node.file.size };
    },
    // As node's readFile(…, 'utf8') reads: a BOM kept (wilayah.json's reader removes it), bad bytes as U+FFFD.
    readText: async (dir, name) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await fileAt(dir, name).arrayBuffer()),
    validate: (dir, name, input, ctx) => {
      const blob = fileAt(dir, name);
      const where = { region: ctx.region, file: input.file };
      const source = progress ? countedSource(blob, (bytes) => progress(where, { bytes, size: blob.size })) : blobSource(blob);
      return validateStream(source, input, progress ? { ...ctx, progress: (rows) => progress(where, { rows, size: blob.size }) } : ctx);
    },
  };
  return { folder, label };
}
