/** Debian's chromium driven by playwright-core: no browser download, no network beyond loopback. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * The browser: CHROMIUM_PATH if set (the benchmark sets the full browser), else Debian's headless
 * shell, which scripts/ensure-chromium.sh installs beside it for the tests.
 */
export const CHROMIUM =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium-headless-shell') ? '/usr/bin/chromium-headless-shell' : '/usr/bin/chromium');
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // In the tests only, wasm is compiled by V8's baseline compiler alone (no optimising tier):
  // DuckDB's tests then take a seventh less of the browser's CPU. The benchmark (scripts/bench.ts)
  // measures the browser as readers have it.
  ...(process.env.VITEST ? ['--js-flags=--liftoff-only'] : []),
];

export async function openBrowser(
  opts: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'kt-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A request for the query engine: DuckDB's files, and the script that boots its worker. */
export const isEngineRequest = (url: string): boolean => /duckdb|engine-boot/i.test(new URL(url).pathname);

/** A request for the engine's wasm file (its boot script's URL also ends in .wasm: a parameter). */
export const isWasmRequest = (url: string): boolean => new URL(url).pathname.endsWith('.wasm');

/**
 * A poorer link (and, with `cpuSlowdown`, a slower phone) for one page, through Chrome's own
 * emulation: `latency` in ms, speeds in bits per second.
 */
export async function throttle(
  page: Page,
  link: { latency: number; down: number; up: number; cpuSlowdown?: number; noCache?: boolean },
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  if (link.noCache) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: link.latency,
    downloadThroughput: link.down / 8,
    uploadThroughput: link.up / 8,
  });
  if (link.cpuSlowdown) await cdp.send('Emulation.setCPUThrottlingRate', { rate: link.cpuSlowdown });
}
