// @ts-nocheck
import type { CaptureEvent } from '../events/types';

/** What the transport answers: the uuids the store now holds (or will never take). */
export interface OutboxAck {
  acknowledged: string[];
  rejected: { uuid: string }[];
}

export interface OutboxOptions {
  send(events: CaptureEvent[]): Promise<OutboxAck>;
  /** Flush this long after the first unsent event (ms). */
  delayMs?: number;
  maxBatch?: number;
  /** Events kept while the background cannot be reached; the oldest go first beyond it. */
  maxQueued?: number;
  /** The warning event that reports `dropped` events the cap dropped (queued before the next send). */
  warning(dropped: number): CaptureEvent;
  signal: AbortSignal;
}

/**
 * The capture script's queue of events not yet acknowledged by the background. Events leave
 * it only when the store says it holds them, so a service worker stopped mid-batch costs a
 * resend, never an event (the store ignores uuids it already has). Beyond `maxQueued` (the
 * background unreachable for long) the oldest are dropped and a warning event says how many.
 */
export class Outbox {
  private queue: CaptureEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private readonly delayMs: number;
  private readonly maxBatch: number;
  private readonly maxQueued: number;
  /** Events dropped by the cap and not yet reported in a queued warning. */
  private dropped = 0;
  /** Warnings this outbox queued, with the count each reports. */
  private readonly warnings = new WeakMap<CaptureEvent, number>();

  constructor(private readonly options: OutboxOptions) {
    this.delayMs = options.delayMs ?? 250;
    this.maxBatch = options.maxBatch ?? 100;
    this.maxQueued = options.maxQueued ?? 5000;
    options.signal.addEventListener('abort', () => clearTimeout(this.timer), { once: true });
  }

  /** Number of events not yet acknowledged. */
  get pending(): number {
    return this.queue.length;
  }

  enqueue(event: CaptureEvent): void {
    this.queue.push(event);
    // Beyond the cap the oldest go, but never silently: they are counted, and a dropped warning
    // hands its count on, so the next warning reports them all.
    if (this.queue.length > this.maxQueued) {
      for (const gone of this.queue.splice(0, this.queue.length - this.maxQueued)) this.dropped += this.warnings.get(gone) ?? 1;
    }
    this.schedule(this.delayMs);
  }

  /**
   * Send now (page hidden, capture switched off); resolves when this attempt settles. Works after
   * `signal` aborted too, which only ends the timers and retries.
   */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return Promise.resolve();
    this.inFlight ??= this.sendBatch().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private schedule(ms: number): void {
    if (this.timer === undefined && !this.options.signal.aborted) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, ms);
    }
  }

  private async sendBatch(): Promise<void> {
    if (this.dropped) {
      const warning = this.options.warning(this.dropped);
      this.warnings.set(warning, this.dropped);
      this.dropped = 0;
      this.queue.unshift(warning);
    }
    const batch = this.queue.slice(0, this.maxBatch);
    try {
      const ack = await this.options.send(batch);
      const done = new Set([...ack.acknowledged, ...ack.rejected.map((r) => r.uuid)]);
      this.queue = this.queue.filter((e) => !done.has(e.uuid));
      this.failures = 0;
    } catch {
      // Background unreachable or restarting: keep everything, retry with backoff (max 10 s).
      this.failures++;
    }
    if (this.queue.length) this.schedule(this.failures ? Math.min(10_000, 200 * 2 ** this.failures) : 0);
  }
}
