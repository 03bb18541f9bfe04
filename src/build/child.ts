/**
 * A process of the build's own (a page renderer, the data half): `node scripts/run.mjs <command>`,
 * with this process's Node flags (not the inspector's, whose port is this process's) and its
 * environment (MALLOC_MMAP_THRESHOLD_ among it, where scripts/run.mjs set it). Its IPC channel closes with
 * this process, and it stops then: a killed build leaves none of them working.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** What a child told through its IPC channel (runChild's `send`) sends first, once it listens. */
export const READY = 'siap';

export function runChild(
  args: readonly string[],
  {
    env = process.env,
    signal,
    fds = [],
    failed,
    send,
    onMessage,
  }: {
    env?: NodeJS.ProcessEnv;
    signal?: AbortSignal;
    /** Open files it is given, as its descriptors 4, 5, … */
    fds?: readonly number[];
    /** The error's message, given how it ended (its exit code or signal, and a word on memory if killed). */
    failed: (how: string) => string;
    /**
     * A message sent to it through its IPC channel once it resolves and the child has said it
     * listens (its first message, READY: Node drops a message that comes before any listener).
     */
    send?: Promise<unknown>;
    /** Each message it sends but READY, as it comes. */
    onMessage?: (message: unknown) => void;
  },
): Promise<void> {
  const flags = process.execArgv.filter((f) => !f.startsWith('--inspect'));
  const script = join(process.cwd(), 'scripts', 'run.mjs');
  return new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [...flags, script, ...args], {
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc', ...fds],
      signal,
    });
    if (send) {
      const ready = new Promise<void>((listens) => child.on('message', (m) => m === READY && listens()));
      // Not sent to a process that has ended (the build stopped it, or it failed while it waited).
      Promise.all([send, ready])
        .then(([m]) => child.connected && child.send(m as object))
        .catch(() => undefined);
    }
    if (onMessage) child.on('message', (m) => m !== READY && onMessage(m));
    // Stopped by the build (signal): its exit says so.
    child.on('error', (e) => (e.name === 'AbortError' ? undefined : fail(e)));
    child.on('exit', (code, sig) => {
      if (code === 0) return done();
      fail(new Error(failed(`${code ?? sig}${sig === 'SIGKILL' ? ', memori habis? / out of memory?' : ''}`)));
    });
  });
}
