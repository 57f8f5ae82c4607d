// @ts-nocheck
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * A virtual X display (Xvfb) for the few tests that need real keyboard input: browser-level
 * shortcuts (extension commands) never see keys sent through CDP, only keys from the window
 * system. `xdotool` types them. Both come from apt (`xvfb`, `xdotool`).
 */
export interface VirtualDisplay {
  /** Value for DISPLAY. */
  display: string;
  /** Press keys as the window system would (xdotool syntax, e.g. `alt+shift+l`). */
  key(keys: string): void;
  close(): void;
}

export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  for (const [bin, pkg] of [['/usr/bin/Xvfb', 'xvfb'], ['/usr/bin/xdotool', 'xdotool']]) {
    if (!existsSync(bin)) throw new Error(`${bin} not found: install it with \`apt-get install ${pkg}\``);
  }
  // A display number unlikely to be taken; -nolisten tcp keeps it local.
  for (let n = 90 + Math.floor(Math.random() * 400); ; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const server: ChildProcess = spawn('/usr/bin/Xvfb', [`:${n}`, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    const display = `:${n}`;
    for (let i = 0; i < 50 && !existsSync(`/tmp/.X11-unix/X${n}`); i++) await new Promise((r) => setTimeout(r, 100));
    if (!existsSync(`/tmp/.X11-unix/X${n}`)) {
      server.kill();
      throw new Error(`Xvfb did not start on ${display}`);
    }
    return {
      display,
      key(keys) {
        const run = spawnSync('/usr/bin/xdotool', ['key', keys], { env: { ...process.env, DISPLAY: display } });
        if (run.status !== 0) throw new Error(`xdotool key ${keys} failed: ${run.stderr.toString()}`);
      },
      close: () => void server.kill(),
    };
  }
}
