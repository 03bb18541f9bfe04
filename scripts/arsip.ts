/**
 * npm run arsip -- --dari https://kinerja.example.go.id --ke arsip-sebelumnya
 * Downloads the live site's release archive, checked file by file, for
 * `npm run build -- --arsip arsip-sebelumnya` in a CI job that starts from a clean clone.
 */
import { ArchiveFetchError, fetchArchive } from '../src/release/fetch-archive.ts';
import { argValue, runCli } from './cli.ts';

runCli(async () => {
  const args = process.argv.slice(2);
  const from = argValue(args, '--dari') ?? process.env.KT_SITE_URL;
  const into = argValue(args, '--ke') ?? 'arsip-sebelumnya';
  if (!from) {
    console.error('✗ Alamat situs tidak diberikan: --dari URL atau KT_SITE_URL / no site address: --dari URL or KT_SITE_URL');
    return 1;
  }
  try {
    const { releases, files } = await fetchArchive(from, into);
    console.log(
      releases === 0
        ? `✓ ${from} belum punya arsip rilis (terbitan pertama) / has no release archive yet (first publication)`
        : `✓ ${releases} rilis, ${files} berkas diunduh dan diperiksa ke ${into} / ${releases} releases, ${files} files downloaded and checked into ${into}`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof ArchiveFetchError)) throw e;
    console.error(
      `✗ Arsip rilis tidak bisa diunduh utuh; situs tidak dibangun tanpa riwayatnya / the release archive could not be downloaded whole; the site is not built without its history:\n  ${e.message}`,
    );
    return 1;
  }
});
