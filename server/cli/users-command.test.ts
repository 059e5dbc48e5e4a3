// `ringwatch users …` as an administrator runs it: a child process against the test database.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { userPrefix } from '../../test/api-users.js';
import { testDatabaseEnv } from '../../test/cli-env.js';
import { projectRoot } from '../paths.js';

function ringwatch(args: string[], input?: string) {
  const result = spawnSync(
    process.execPath,
    [path.join(projectRoot, 'bin', 'ringwatch.js'), ...args],
    {
      env: testDatabaseEnv(),
      encoding: 'utf8',
      input,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ringwatch users', () => {
  it('adds an account with a password shown once, lists it, disables and enables it', () => {
    const name = `${userPrefix('cli')}-ana`;
    const added = ringwatch(['users', 'add', name, '--role', 'investigator']);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Password \(shown once, store it safely\): [\w-]{23}\n/);

    const list = ringwatch(['users', 'list', '--json']);
    const mine = (
      JSON.parse(list.stdout) as { username: string; role: string; disabled: boolean }[]
    ).find((u) => u.username === name);
    expect(mine).toMatchObject({ role: 'investigator', disabled: false });
    expect(list.stdout).not.toContain('scrypt');

    expect(ringwatch(['users', 'disable', name]).code).toBe(0);
    const after = JSON.parse(ringwatch(['users', 'list', '--json']).stdout) as {
      username: string;
      disabled: boolean;
    }[];
    expect(after.find((u) => u.username === name)?.disabled).toBe(true);
    expect(ringwatch(['users', 'enable', name]).code).toBe(0);
  });

  it('takes a password from standard input and refuses bad roles, short passwords and taken names', () => {
    const name = `${userPrefix('cli')}-bo`;
    const added = ringwatch(
      ['users', 'add', name, '--role', 'analyst', '--password-stdin'],
      'a long enough passphrase\n',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).not.toContain('Password');

    const role = ringwatch(['users', 'add', `${name}x`, '--role', 'boss']);
    expect(role.code).toBe(1);
    expect(role.stderr).toContain(
      '--role boss is not a role; use one of investigator, analyst, internal_fraud, supervisor, admin',
    );
    const short = ringwatch(
      ['users', 'add', `${name}y`, '--role', 'analyst', '--password-stdin'],
      'short\n',
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password: at least 12 characters');
    const taken = ringwatch(['users', 'add', name, '--role', 'analyst']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('already exists');
  });
});
