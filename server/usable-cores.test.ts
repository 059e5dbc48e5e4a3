// The cores a process may use, from the CPU quota of its control group where it has one.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { usableCores, type ReadText } from './usable-cores.js';

const files =
  (texts: Record<string, string>): ReadText =>
  (file) =>
    texts[file];

describe('usableCores', () => {
  it('is the CPU count without a quota, or where none can be read', () => {
    expect(usableCores(files({}), 8)).toBe(8);
    expect(usableCores(files({ '/sys/fs/cgroup/cpu.max': 'max 100000\n' }), 8)).toBe(8);
    expect(
      usableCores(
        files({
          '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '-1\n',
          '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000\n',
        }),
        8,
      ),
    ).toBe(8);
  });

  it("takes a container's quota (cgroup v2), rounded up, never above the CPU count", () => {
    expect(usableCores(files({ '/sys/fs/cgroup/cpu.max': '200000 100000\n' }), 64)).toBe(2);
    expect(usableCores(files({ '/sys/fs/cgroup/cpu.max': '150000 100000\n' }), 64)).toBe(2);
    expect(usableCores(files({ '/sys/fs/cgroup/cpu.max': '10000 100000\n' }), 64)).toBe(1);
    expect(usableCores(files({ '/sys/fs/cgroup/cpu.max': '800000 100000\n' }), 4)).toBe(4);
  });

  it("reads this process's own group first (a service's quota on the host)", () => {
    const read = files({
      '/proc/self/cgroup': '0::/system.slice/ringwatch.service\n',
      '/sys/fs/cgroup/system.slice/ringwatch.service/cpu.max': '300000 100000\n',
      '/sys/fs/cgroup/cpu.max': 'max 100000\n',
    });
    expect(usableCores(read, 32)).toBe(3);
  });

  it('takes the lowest quota on the way up: a parent group limits those under it', () => {
    const read = files({
      '/proc/self/cgroup': '0::/limited.slice/ringwatch.service\n',
      '/sys/fs/cgroup/limited.slice/ringwatch.service/cpu.max': 'max 100000\n',
      '/sys/fs/cgroup/limited.slice/cpu.max': '200000 100000\n',
      '/sys/fs/cgroup/cpu.max': 'max 100000\n',
    });
    expect(usableCores(read, 32)).toBe(2);
  });

  it("reads cgroup v1 where v2 is not there: the process's group, then up to the mount", () => {
    const service = files({
      '/proc/self/cgroup': '5:memory:/system.slice\n4:cpu,cpuacct:/system.slice/x.service\n',
      '/sys/fs/cgroup/cpu,cpuacct/system.slice/x.service/cpu.cfs_quota_us': '250000\n',
      '/sys/fs/cgroup/cpu,cpuacct/system.slice/x.service/cpu.cfs_period_us': '100000\n',
      '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us': '-1\n',
      '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us': '100000\n',
    });
    expect(usableCores(service, 16)).toBe(3);
    // A container: its group is the mount's root; the host's path in /proc/self/cgroup is not
    // there.
    const container = files({
      '/proc/self/cgroup': '4:cpuacct,cpu:/docker/abc\n',
      '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '150000\n',
      '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000\n',
    });
    expect(usableCores(container, 16)).toBe(2);
  });

  it('answers on this machine: at least one core, at most its CPUs', () => {
    const cores = usableCores();
    expect(cores).toBeGreaterThanOrEqual(1);
    expect(cores).toBeLessThanOrEqual(availableParallelism());
    expect(Number.isInteger(cores)).toBe(true);
  });
});
