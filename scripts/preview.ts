/**
 * npm run preview: serves dist/ (or --dir DIR) on http://127.0.0.1:4321/ as production serves it,
 * with the site's own headers (_headers) and its precompressed files (src/deploy/serve.ts).
 */
import { existsSync } from 'node:fs';
import { serveSite } from '../src/deploy/serve.ts';
import { argValue } from './cli.ts';

const args = process.argv.slice(2);
const dir = argValue(args, '--dir') ?? 'dist';
const port = Number(argValue(args, '--port') ?? 4321);
const host = argValue(args, '--host') ?? '127.0.0.1';
if (!existsSync(dir)) {
  console.error(`✗ ${dir}/ belum ada: jalankan npm run build dulu / ${dir}/ does not exist: run npm run build first`);
  process.exit(1);
}
serveSite(dir, { port, host }).then(
  ({ url }) => console.log(`Situs di / site at ${url}/  (Ctrl+C berhenti / to stop)`),
  (e: Error) => {
    console.error(`✗ ${e.message}`);
    process.exit(1);
  },
);
