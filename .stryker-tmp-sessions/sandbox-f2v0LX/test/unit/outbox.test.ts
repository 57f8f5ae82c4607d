// @ts-nocheck
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Outbox, type OutboxAck } from '../../src/autocapture/outbox';
import type { CaptureEvent } from '../../src/events/types';

const ev = (n: number): CaptureEvent => ({ uuid: `u${n}`, event: 'e', distinct_id: 'd', timestamp: new Date(n).toISOString(), properties: {} });
let warnings = 0;
/** The warning event the capture script would queue: its uuid says the count, for the tables below. */
const warn = (dropped: number): CaptureEvent => ({ ...ev(0), uuid: `w${++warnings}:${dropped}`, event: '$$client_ingestion_warning' });
const ackAll = async (events: CaptureEvent[]): Promise<OutboxAck> => ({ acknowledged: events.map((e) => e.uuid), rejected: [] });

describe('Outbox', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('batches events and forgets them once acknowledged', async () => {
    const send = vi.fn(ackAll);
    const outbox = new Outbox({ warning: warn, send, signal: new AbortController().signal, delayMs: 100 });
    outbox.enqueue(ev(1));
    outbox.enqueue(ev(2));
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0].map((e) => e.uuid)).toEqual(['u1', 'u2']);
    expect(outbox.pending).toBe(0);
  });

  it('keeps everything while the background is unreachable and resends the same uuids', async () => {
    let down = true;
    const sent: string[][] = [];
    const send = vi.fn(async (events: CaptureEvent[]) => {
      sent.push(events.map((e) => e.uuid));
      if (down) throw new Error('Could not establish connection. Receiving end does not exist.');
      return ackAll(events);
    });
    const outbox = new Outbox({ warning: warn, send, signal: new AbortController().signal, delayMs: 10 });
    outbox.enqueue(ev(1));
    await vi.advanceTimersByTimeAsync(10);
    expect(outbox.pending).toBe(1);
    outbox.enqueue(ev(2));
    down = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(outbox.pending).toBe(0);
    expect(sent.at(-1)).toEqual(['u1', 'u2']);
  });

  it('drops only what was acknowledged or rejected, retrying the rest', async () => {
    const send = vi.fn(async (events: CaptureEvent[]): Promise<OutboxAck> => ({ acknowledged: [events[0].uuid], rejected: [{ uuid: 'u3' }] }));
    const outbox = new Outbox({ warning: warn, send, signal: new AbortController().signal, delayMs: 10 });
    [1, 2, 3].forEach((n) => outbox.enqueue(ev(n)));
    await outbox.flush();
    expect(outbox.pending).toBe(1);
    await outbox.flush();
    expect(outbox.pending).toBe(0);
  });

  it('stops its timers when its owner aborts, but an explicit flush still delivers', async () => {
    const send = vi.fn(ackAll);
    const controller = new AbortController();
    const outbox = new Outbox({ warning: warn, send, signal: controller.signal, delayMs: 10 });
    outbox.enqueue(ev(1));
    controller.abort();
    await vi.advanceTimersByTimeAsync(100);
    expect(send).not.toHaveBeenCalled();
    await outbox.flush();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('caps memory while the background is down, dropping the oldest', async () => {
    const outbox = new Outbox({ warning: warn, send: async () => Promise.reject(new Error('down')), signal: new AbortController().signal, maxQueued: 3 });
    [1, 2, 3, 4, 5].forEach((n) => outbox.enqueue(ev(n)));
    expect(outbox.pending).toBe(3);
  });
});

describe('Outbox: what its cap drops is reported in a warning event with the count', () => {
  beforeEach(() => {
    warnings = 0;
  });

  /**
   * Steps: a number enqueues that many events (numbered on), 'fail' is a send while the background
   * is down, 'send' one that is delivered. Returns the uuids delivered, in order.
   */
  async function run(maxQueued: number, steps: (number | 'fail' | 'send')[]): Promise<string[]> {
    const delivered: string[] = [];
    let up = false;
    const send = async (events: CaptureEvent[]) => {
      if (!up) throw new Error('down');
      delivered.push(...events.map((e) => e.uuid));
      return ackAll(events);
    };
    const outbox = new Outbox({ warning: warn, send, signal: new AbortController().signal, maxQueued, delayMs: 1e9 });
    let n = 0;
    for (const step of steps) {
      if (typeof step === 'number') for (let i = 0; i < step; i++) outbox.enqueue(ev(++n));
      else {
        up = step === 'send';
        await outbox.flush();
      }
    }
    return delivered;
  }

  it.each<[string, number, (number | 'fail' | 'send')[], string[]]>([
    ['under the cap: no warning', 3, [3, 'send'], ['u1', 'u2', 'u3']],
    ['two dropped: the warning comes first, then what was kept', 3, [5, 'send'], ['w1:2', 'u3', 'u4', 'u5']],
    ['a queued warning dropped in turn hands its count on', 3, [5, 'fail', 2, 'send'], ['w2:4', 'u5', 'u6', 'u7']],
    ['each warning reports only the drops since the last one delivered', 2, [3, 'send', 4, 'send'], ['w1:1', 'u2', 'u3', 'w2:2', 'u6', 'u7']],
    ['a failed send resends the same warning', 2, [3, 'fail', 'send'], ['w1:1', 'u2', 'u3']],
  ])('%s', async (_name, maxQueued, steps, delivered) => {
    expect(await run(maxQueued, steps)).toEqual(delivered);
  });
});
