// @ts-check
import { defineConfig } from 'astro/config';
import { slimEngine } from './src/build/slim-engine.ts';

// The pipeline (scripts/build.ts) builds into a staging folder and swaps it into dist/ only
// when everything succeeded, so the output folder comes from the environment.
export default defineConfig({
  // The public address, when known (KT_SITE_URL=https://…): printed forum slides then show full links.
  site: process.env.KT_SITE_URL || undefined,
  output: 'static',
  outDir: process.env.KT_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // Stylesheets are files, fetched once and kept (/_astro/ is immutable): inlined, their 10 KB
  // were about 15 % of a page's HTML (50 synthetic regions), and of the gate's, the twins' and the search index's work.
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  vite: {
    // reportCompressedSize: Vite would gzip every bundle (the query engine's 73 MB of wasm too) only to print sizes.
    build: { assetsInlineLimit: 0, reportCompressedSize: false },
    worker: { format: 'es' },
    plugins: [slimEngine()],
  },
});
