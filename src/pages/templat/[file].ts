/** /templat/<file>: the CSV templates, wilayah.json and the workbook, made at build time from the contract. */
import type { APIRoute } from 'astro';
import { siteConfig } from '../../config.ts';
import { extname } from 'node:path';
import { TEMPLATE_FILES, templateFile } from '../../templates/files.ts';
import { MIME } from '../../deploy/serve.ts';
import { nationalOnly } from '../../site/page-set.ts';

export function getStaticPaths() {
  return nationalOnly(() => TEMPLATE_FILES.map((file) => ({ params: { file } })));
}

export const GET: APIRoute = async ({ params }) => {
  const name = params.file!;
  const body = await templateFile(name, new Date(`${siteConfig().buildDate}T00:00:00Z`));
  return new Response(body, { headers: { 'content-type': MIME[extname(name)] } });
};
