// @ts-nocheck
// CPU time of a Chromium instance's processes, read from Linux's /proc (the bench machines are
// Linux): the browser is found by its profile directory, its children by walking parent pids.
import { readdirSync, readFileSync } from 'node:fs';

/** Ticks per second of /proc's utime/stime (USER_HZ: 100 on every Linux this bench runs on). */
const TICKS_PER_SECOND = 100;

export type ProcessKind = 'browser' | 'extension' | 'renderer' | 'network' | 'other';

/** CPU milliseconds (user + system) so far, per kind of process, of the Chromium using `profileDir`. */
export function chromiumCpuMs(profileDir: string): Record<ProcessKind, number> {
  const procs = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => read(Number(pid)))
    .filter((p): p is Proc => p !== null);
  const root = procs.find((p) => !p.args.includes('--type=') && p.args.includes(`--user-data-dir=${profileDir}`));
  const totals: Record<ProcessKind, number> = { browser: 0, extension: 0, renderer: 0, network: 0, other: 0 };
  if (!root) return totals;
  const family = new Set([root.pid]);
  // Parents precede children in no particular order: repeat until the family stops growing.
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) {
      if (family.has(p.pid) || !family.has(p.ppid)) continue;
      family.add(p.pid);
      grew = true;
    }
  }
  for (const p of procs) if (family.has(p.pid)) totals[kindOf(p.args)] += p.cpuMs;
  return totals;
}

type Proc = { pid: number; ppid: number; cpuMs: number; args: string };

function read(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    return { pid, ppid: Number(fields[1]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND, args };
  } catch {
    return null; // gone meanwhile, or not ours to read
  }
}

function kindOf(args: string): ProcessKind {
  if (!args.includes('--type=')) return 'browser';
  if (args.includes('--extension-process')) return 'extension';
  if (args.includes('--type=renderer')) return 'renderer';
  if (args.includes('NetworkService')) return 'network';
  return 'other';
}

/** `after - before`, per kind. */
export function cpuSpent(before: Record<ProcessKind, number>, after: Record<ProcessKind, number>): Record<ProcessKind, number> {
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k as ProcessKind]])) as Record<ProcessKind, number>;
}
