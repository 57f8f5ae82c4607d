import { startToolbar } from '../src/toolbar/toolbar';

// The toolbar: injected on demand into one tab's top frame by the background (shortcut, popup),
// never part of the always-on capture script. See src/toolbar/README.md.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    // A second injection into the same page (toggle after the state was lost) must not stack toolbars.
    const flag = '__lassoToolbar';
    const g = globalThis as Record<string, unknown>;
    if (g[flag]) return;
    g[flag] = true;
    ctx.signal.addEventListener('abort', () => delete g[flag], { once: true });
    void startToolbar(window, ctx.signal).catch((error) => console.warn('Lasso toolbar:', error));
  },
});
