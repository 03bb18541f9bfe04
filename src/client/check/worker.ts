/**
 * The checker's worker: the validator's own rules (validate/regions.ts, the CLI's) over the
 * picked files, off the page's thread so that the page stays responsive and can be cancelled by
 * ending the worker. It makes no request: the files are read from the browser's memory.
 */
import { checkExport } from '../../validate/regions.ts';
import { reportJson } from '../../validate/report.ts';
import type { FromWorker, ToWorker } from './messages.ts';
import { pickedFolder } from './picked-folder.ts';

const post = (m: FromWorker) => postMessage(m);

onmessage = async (e: MessageEvent<ToWorker>) => {
  try {
    const { folder, label } = pickedFolder(e.data.files, (at, done) => post({ type: 'progress', ...at, ...done }));
    post({ type: 'done', report: reportJson(await checkExport(folder, label)) });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
