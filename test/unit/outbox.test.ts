import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Outbox, type OutboxAck } from '../../src/autocapture/outbox';
import type { CaptureEvent } from '../../src/events/types';

const ev = (n: number): CaptureEvent => ({ uuid: `u${n}`, event: 'e', distinct_id: 'd', timestamp: new Date(n).toISOString(), properties: {} });
const ackAll = async (events: CaptureEvent[]): Promise<OutboxAck> => ({ acknowledged: events.map((e) => e.uuid), rejected: [] });

describe('Outbox', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('batches events and forgets them once acknowledged', async () => {
    const send = vi.fn(ackAll);
    const outbox = new Outbox({ send, signal: new AbortController().signal, delayMs: 100 });
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
    const outbox = new Outbox({ send, signal: new AbortController().signal, delayMs: 10 });
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
    const outbox = new Outbox({ send, signal: new AbortController().signal, delayMs: 10 });
    [1, 2, 3].forEach((n) => outbox.enqueue(ev(n)));
    await outbox.flush();
    expect(outbox.pending).toBe(1);
    await outbox.flush();
    expect(outbox.pending).toBe(0);
  });

  it('stops its timers when its owner aborts, but an explicit flush still delivers', async () => {
    const send = vi.fn(ackAll);
    const controller = new AbortController();
    const outbox = new Outbox({ send, signal: controller.signal, delayMs: 10 });
    outbox.enqueue(ev(1));
    controller.abort();
    await vi.advanceTimersByTimeAsync(100);
    expect(send).not.toHaveBeenCalled();
    await outbox.flush();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('caps memory while the background is down, dropping the oldest', async () => {
    const outbox = new Outbox({ send: async () => Promise.reject(new Error('down')), signal: new AbortController().signal, maxQueued: 3 });
    [1, 2, 3, 4, 5].forEach((n) => outbox.enqueue(ev(n)));
    expect(outbox.pending).toBe(3);
  });
});
