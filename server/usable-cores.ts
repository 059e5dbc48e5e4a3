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

/**
 * The quota in cores (1.5: one and a half), or undefined without one: the lowest on the way from
 * this process's group up to the root of the mount (each group's quota applies to those under
 * it). Inside a container the mount's root is the container's own group, and the group named in
 * /proc/self/cgroup (the host's path) is not there: the root is read.
 */
function cpuQuota(read: ReadText): number | undefined {
  const groups = read('/proc/self/cgroup') ?? '';
  const v2 = lowest('/sys/fs/cgroup', /^0::(\/.*)$/m.exec(groups)?.[1], (dir) => {
    const [quota, period] = read(`${dir}/cpu.max`)?.trim().split(/\s+/) ?? [];
    return quota === undefined ? null : ratio(quota, period);
  });
  if (v2 !== null) return v2;
  // v1: the hierarchy whose controllers include cpu ("4:cpu,cpuacct:/docker/abc").
  const v1Group = /^\d+:(?:[^:]*,)?cpu(?:,[^:]*)?:(\/.*)$/m.exec(groups)?.[1];
  for (const mount of ['/sys/fs/cgroup/cpu', '/sys/fs/cgroup/cpu,cpuacct']) {
    const quota = lowest(mount, v1Group, (dir) => {
      const text = read(`${dir}/cpu.cfs_quota_us`);
      return text === undefined
        ? null
        : ratio(text.trim(), read(`${dir}/cpu.cfs_period_us`)?.trim());
    });
    if (quota !== null) return quota;
  }
  return undefined;
}

/**
 * The lowest quota of the groups from `mount` + `group` up to `mount`: null where no group's
 * file could be read (not this layout), undefined where none has a quota.
 */
function lowest(
  mount: string,
  group: string | undefined,
  quotaAt: (dir: string) => number | undefined | null,
): number | undefined | null {
  const parts = (group ?? '/').split('/').filter(Boolean);
  let seen = false;
  let min: number | undefined;
  for (let depth = parts.length; depth >= 0; depth--) {
    const quota = quotaAt([mount, ...parts.slice(0, depth)].join('/'));
    if (quota === null) continue;
    seen = true;
    if (quota !== undefined && (min === undefined || quota < min)) min = quota;
  }
  return seen ? min : null;
}

function ratio(quota: string | undefined, period: string | undefined): number | undefined {
  const q = Number(quota);
  const p = Number(period);
  // "max" and -1 mean no quota; anything unreadable is treated the same.
  return Number.isFinite(q) && q > 0 && Number.isFinite(p) && p > 0 ? q / p : undefined;
}
