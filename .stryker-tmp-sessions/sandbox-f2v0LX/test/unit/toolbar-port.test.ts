// @ts-nocheck
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Fake runtime ports: each connect() makes one; tests drop them as a stopped worker would. */
const ports: FakePort[] = [];
class FakePort {
  sent: unknown[] = [];
  connected = true;
  private messageListeners: ((m: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  onMessage = { addListener: (f: (m: unknown) => void) => this.messageListeners.push(f) };
  onDisconnect = { addListener: (f: () => void) => this.disconnectListeners.push(f) };
  postMessage(m: unknown) {
    if (!this.connected) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(m);
  }
  disconnect() {
    this.connected = false;
  }
  /** The background side went away (service worker stopped). */
  drop() {
    this.connected = false;
    this.disconnectListeners.forEach((f) => f());
  }
  deliver(m: unknown) {
    this.messageListeners.forEach((f) => f(m));
  }
}
const runtime: { id?: string; connect: () => FakePort } = {
  id: 'lasso',
  connect: () => {
    const p = new FakePort();
    ports.push(p);
    return p;
  },
};
vi.mock('wxt/browser', () => ({ browser: { runtime } }));

const { livePort } = await import('../../src/toolbar/services/port');

describe('livePort', () => {
  beforeEach(() => {
    ports.length = 0;
    runtime.id = 'lasso';
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('reconnects when the worker drops the port, and lets the owner re-send its query', () => {
    const received: unknown[] = [];
    const onReconnect = vi.fn(() => port.post({ query: 1 }));
    const port = livePort('p', (m: never) => received.push(m), onReconnect);
    port.post({ query: 1 });
    vi.advanceTimersByTime(30_000); // idle, then the service worker stops
    ports[0].drop();
    expect(ports).toHaveLength(2);
    expect(onReconnect).toHaveBeenCalledTimes(1);
    expect(ports[1].sent).toEqual([{ query: 1 }]);
    ports[1].deliver('answer');
    expect(received).toEqual(['answer']);
  });

  it('backs off (250 ms, doubling, at most 2 s) when the background drops it right after connecting', () => {
    livePort('p', () => undefined);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = ports.length;
      ports.at(-1)!.drop();
      let waited = 0;
      while (ports.length === before) {
        vi.advanceTimersByTime(50);
        waited += 50;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([250, 500, 1000, 2000, 2000]);
  });

  it('posting on a dead port connects again', () => {
    const port = livePort('p', () => undefined);
    ports[0].connected = false; // died without telling us yet
    expect(port.post('x')).toBe(true);
    expect(ports[1].sent).toEqual(['x']);
  });

  it('stops for good once closed, or once the extension is gone', () => {
    const a = livePort('p', () => undefined);
    vi.advanceTimersByTime(5000);
    a.close();
    ports[0].drop();
    expect(ports).toHaveLength(1);

    const b = livePort('p', () => undefined);
    vi.advanceTimersByTime(5000);
    runtime.id = undefined; // the extension was updated: this script is orphaned
    ports[1].drop();
    expect(ports).toHaveLength(2);
    expect(b.post('x')).toBe(false);
  });
});
