/** /templat/<file>: the CSV templates, wilayah.json and the workbook, made at build time from the contract. */
import type { APIRoute } from 'astro';
import { siteConfig } from '../../config.ts';
import { TEMPLATE_FILES, TEMPLATE_TYPES, templateFile } from '../../templates/files.ts';
import { nationalOnly } from '../../site/page-set.ts';

export function getStaticPaths() {
  return nationalOnly(() => TEMPLATE_FILES.map((file) => ({ params: { file } })));
}

export const GET: APIRoute = async ({ params }) => {
  const name = params.file!;
  const body = await templateFile(name, new Date(`${siteConfig().buildDate}T00:00:00Z`));
  return new Response(body, { headers: { 'content-type': TEMPLATE_TYPES[name.split('.').pop()!] } });
};
