/**
 * Text chunks as the stream PapaParse reads (its ReadableStreamStreamer wants `readable`,
 * `read`, `on`, `removeListener`, `pause`, `resume`), with no Node stream under it: the same
 * reading runs in the CLI and in the browser's checker worker.
 */
type Event = 'data' | 'end' | 'error';
type Handler = (arg?: unknown) => void;

export class PapaInput {
  readonly readable = true;
  private handlers: Record<Event, Handler[]> = { data: [], end: [], error: [] };
  private started = false;
  private stopped = false;

  constructor(private readonly text: AsyncIterable<string>) {}

  read(): null {
    return null;
  }

  on(event: Event, fn: Handler): this {
    this.handlers[event].push(fn);
    // Chunks flow once someone listens for them (PapaParse adds its three handlers together).
    if (event === 'data' && !this.started) {
      this.started = true;
      queueMicrotask(() => void this.pump());
    }
    return this;
  }

  removeListener(event: Event, fn: Handler): this {
    this.handlers[event] = this.handlers[event].filter((h) => h !== fn);
    return this;
  }

  // PapaParse parses each chunk as it comes; nothing to hold back.
  pause(): void {}
  resume(): void {}

  /** Stops the reading (the source's iterator is closed, so a file is let go). */
  destroy(): void {
    this.stopped = true;
  }

  private emit(event: Event, arg?: unknown): void {
    for (const h of [...this.handlers[event]]) h(arg);
  }

  private async pump(): Promise<void> {
    try {
      for await (const chunk of this.text) {
        if (this.stopped) return;
        this.emit('data', chunk);
      }
      if (!this.stopped) this.emit('end');
    } catch (e) {
      if (!this.stopped) this.emit('error', e);
    }
  }
}
