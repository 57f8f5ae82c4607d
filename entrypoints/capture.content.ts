import { runCapture } from '../src/autocapture/run';

// Always-on autocapture. Static matches cover the default sites; other sites the user enables
// get this same file registered at runtime by the background (see src/background/sites.ts).
export default defineContentScript({
  matches: ['http://localhost/*', 'https://localhost/*', 'http://127.0.0.1/*', 'https://127.0.0.1/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    void runCapture(window, ctx.signal);
  },
});
