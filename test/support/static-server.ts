/** The browser tests serve the built site as production does (headers, precompressed twins): src/deploy/serve.ts. */
import { serveSite } from '../../src/deploy/serve.ts';

export const serveStatic = (root: string, port = 0) => serveSite(root, { port });
