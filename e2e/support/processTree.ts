import { readdirSync, readFileSync } from 'node:fs';

/** Memory and CPU of a process tree (Linux /proc). */
export interface TreeUsage {
  /** Resident memory of all processes, in bytes. */
  rssBytes: number;
  /** User + system CPU time used so far by all processes, in seconds. */
  cpuSeconds: number;
}

const CLOCK_TICKS = 100;

/**
 * Resident memory and CPU time of every process below `root` (the test
 * worker, whose children are the browser and its renderer, GPU and utility
 * processes). Used to check that opening a huge image never holds it in
 * memory, and that a cancelled scan stops working.
 */
export function processTreeUsage(root = process.pid): TreeUsage {
  const stats = new Map<number, { parent: number; rss: number; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      const cpu = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
      const rss = Number(fields[21]) * 4096;
      stats.set(Number(entry), { parent, rss, cpu });
    } catch {
      // The process ended while /proc was being read.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let at = pid, hops = 0; at > 1 && hops < 64; hops++) {
      if (at === root) return true;
      at = stats.get(at)?.parent ?? 0;
    }
    return false;
  };
  let rssBytes = 0;
  let cpuSeconds = 0;
  for (const [pid, stat] of stats) {
    if (pid === root || !inTree(pid)) continue;
    rssBytes += stat.rss;
    cpuSeconds += stat.cpu;
  }
  return { rssBytes, cpuSeconds };
}
