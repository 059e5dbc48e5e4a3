// The cores this process may use: availableParallelism(), lowered to a CPU quota set on its
// control group (a container's `--cpus`, a service's CPUQuota). Node 20's availableParallelism
// (libuv 1.46) counts the CPUs the process may run on and ignores the quota: in a container
// limited to 2 cores of a 64-core host it answers 64. No npm package reads the quota (those
// about cgroups read memory figures or the container's id), hence these few lines. Read: cgroup
// v2's cpu.max ("max" or "<quota> <period>") for this process's group, then at the mount's
// root; else v1's cpu.cfs_quota_us and cpu.cfs_period_us (-1: no quota).
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** A file's text, or undefined where it cannot be read. */
export type ReadText = (file: string) => string | undefined;

const readText: ReadText = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

export function usableCores(read: ReadText = readText, cpus = availableParallelism()): number {
  const quota = cpuQuota(read);
  return quota === undefined ? cpus : Math.max(1, Math.min(cpus, Math.ceil(quota)));
}

/** The quota in cores (1.5: one and a half), or undefined without one. */
function cpuQuota(read: ReadText): number | undefined {
  const group = /^0::(\/.*)$/m.exec(read('/proc/self/cgroup') ?? '')?.[1];
  const v2 = [
    group && `/sys/fs/cgroup${group === '/' ? '' : group}/cpu.max`,
    '/sys/fs/cgroup/cpu.max',
  ];
  for (const file of v2) {
    if (!file) continue;
    const text = read(file);
    if (text === undefined) continue;
    const [quota, period] = text.trim().split(/\s+/);
    return ratio(quota, period);
  }
  for (const dir of ['/sys/fs/cgroup/cpu', '/sys/fs/cgroup/cpu,cpuacct']) {
    const quota = read(`${dir}/cpu.cfs_quota_us`);
    if (quota !== undefined) return ratio(quota.trim(), read(`${dir}/cpu.cfs_period_us`)?.trim());
  }
  return undefined;
}

function ratio(quota: string | undefined, period: string | undefined): number | undefined {
  const q = Number(quota);
  const p = Number(period);
  // "max" and -1 mean no quota; anything unreadable is treated the same.
  return Number.isFinite(q) && q > 0 && Number.isFinite(p) && p > 0 ? q / p : undefined;
}
