/**
 * The test site behind a proxy that sends chosen files slowly, at a fixed pace whatever the
 * machine's load. Chrome's network emulation (browser.ts's throttle) is set on a page: a worker's
 * own requests may escape it, and a download the page races against then finishes first on a
 * fast machine and last on a busy one.
 */
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowProxy {
  url: string;
  close: () => Promise<void>;
}

/**
 * Proxies `upstream` (the test server, http://127.0.0.1:port); a response whose path `slow`
 * picks is sent `chunk` bytes at a time, one every `everyMs`, its headers as the server gave them.
 */
export async function slowProxy(upstream: string, slow: (path: string) => boolean, chunk = 64 * 1024, everyMs = 40): Promise<SlowProxy> {
  const target = new URL(upstream);
  const server = createServer((req, res) => {
    const headers: IncomingHttpHeaders = { ...req.headers, host: target.host };
    const out = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      if (!slow(new URL(req.url ?? '/', upstream).pathname)) {
        up.pipe(res);
        return;
      }
      const parts: Buffer[] = [];
      up.on('data', (b: Buffer) => parts.push(b));
      up.on('end', () => {
        const body = Buffer.concat(parts);
        let at = 0;
        const timer = setInterval(() => {
          if (res.destroyed || at >= body.length) {
            clearInterval(timer);
            res.end();
            return;
          }
          res.write(body.subarray(at, at + chunk));
          at += chunk;
        }, everyMs);
        res.on('close', () => clearInterval(timer));
      });
    });
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
