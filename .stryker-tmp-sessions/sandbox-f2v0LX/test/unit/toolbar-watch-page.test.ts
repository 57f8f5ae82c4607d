// @ts-nocheck
// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COST_FACTOR, PAGE_CHANGE_THROTTLE_MS, watchPage } from '../../src/toolbar/services/watch-page';

describe('watchPage', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<main><p id="p">x</p></main>';
  });
  afterEach(() => vi.useRealTimers());

  const mutate = async () => {
    document.getElementById('p')!.setAttribute('data-n', String(Math.random()));
    await Promise.resolve(); // mutation records are delivered in a microtask
  };

  it('calls once per throttle window however many changes, and never after abort', async () => {
    const controller = new AbortController();
    const onChange = vi.fn();
    watchPage(document, controller.signal, onChange);
    for (let i = 0; i < 10; i++) await mutate();
    await vi.advanceTimersByTimeAsync(PAGE_CHANGE_THROTTLE_MS);
    expect(onChange).toHaveBeenCalledTimes(1);
    await mutate();
    controller.abort();
    await vi.advanceTimersByTimeAsync(PAGE_CHANGE_THROTTLE_MS * 2);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('ignores the toolbar host being attached', async () => {
    const onChange = vi.fn();
    watchPage(document, new AbortController().signal, onChange);
    const host = document.createElement('lasso-toolbar');
    host.setAttribute('data-lasso-ui', '');
    document.documentElement.append(host);
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(PAGE_CHANGE_THROTTLE_MS * 2);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('waits longer after an expensive call (COST_FACTOR × its duration)', async () => {
    const cost = 500;
    const onChange = vi.fn();
    const spy = vi.spyOn(performance, 'now');
    let now = 0;
    spy.mockImplementation(() => now);
    onChange.mockImplementation(() => {
      now += cost; // the call takes 500 ms of main thread
    });
    watchPage(document, new AbortController().signal, onChange);
    await mutate();
    await vi.advanceTimersByTimeAsync(PAGE_CHANGE_THROTTLE_MS);
    expect(onChange).toHaveBeenCalledTimes(1);
    await mutate();
    await vi.advanceTimersByTimeAsync(cost * COST_FACTOR - 1);
    expect(onChange).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(onChange).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});
