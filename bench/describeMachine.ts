import { arch, cpus, platform, release, totalmem } from 'node:os';

/** The machine a bench run happened on, stored next to the figures. */
export interface MachineInfo {
  cpuModel: string;
  cpuCount: number;
  nodeVersion: string;
  platform: string;
  arch: string;
  osRelease: string;
  totalMemoryBytes: number;
  /** ISO-8601 time the run started. */
  date: string;
}

/** Describes the current machine and Node runtime. */
export function describeMachine(now: Date = new Date()): MachineInfo {
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cpuCount: processors.length,
    nodeVersion: process.version,
    platform: platform(),
    arch: arch(),
    osRelease: release(),
    totalMemoryBytes: totalmem(),
    date: now.toISOString(),
  };
}
