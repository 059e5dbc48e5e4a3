// `ringwatch users add|list|disable|enable|password`: the API's local accounts. A new password
// is generated and printed once unless one is piped in with --password-stdin; only its scrypt
// hash is stored. Every change is recorded in the audit trail under `cli:<os user>`.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { AuditTrail } from '../audit/audit-trail.js';
import { RoleSchema, roles, type Role } from '../auth/roles.js';
import { generatePassword } from '../auth/passwords.js';
import { addUser, listUsers, setDisabled, setPassword } from '../auth/users.js';
import type { Database } from '../db/database.js';
import { BadInputError } from '../errors.js';
import { config, withDatabase } from './context.js';

interface PasswordOptions {
  passwordStdin?: boolean;
}

export function registerUsersCommands(program: Command): void {
  const users = program
    .command('users')
    .description('manage the API accounts (local users and their roles)');
  users
    .command('add <username>')
    .description(`create an account; roles: ${roles.join(', ')}`)
    .requiredOption('-r, --role <role>', `one of ${roles.join(', ')}`)
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .action(async (username: string, options: PasswordOptions & { role: string }) => {
      const role = parseRole(options.role);
      const { password, generated } = await choosePassword(options);
      await withDatabase(config().neo4j, async (db) => {
        await addUser(db, { username, role, password });
        await recordCli(db, `users add ${username} (${role})`);
      });
      console.log(`Added ${username} (${role}).`);
      if (generated) console.log(`Password (shown once, store it safely): ${password}`);
    });
  users
    .command('list')
    .description('every account with its role and state (never the passwords)')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      const list = await withDatabase(config().neo4j, (db) => listUsers(db));
      if (options.json) {
        console.log(JSON.stringify(list, null, 2));
        return;
      }
      if (list.length === 0)
        console.log('No accounts yet: `ringwatch users add NAME --role ROLE`.');
      for (const u of list) {
        console.log(
          `${u.username.padEnd(24)} ${u.role.padEnd(15)} ${u.disabled ? 'disabled' : 'enabled '}  last sign-in ${u.lastLoginAt ?? 'never'}`,
        );
      }
    });
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(`${name} <username>`)
      .description(
        disabled
          ? 'disable an account and end its sessions at once'
          : 'enable a disabled account again',
      )
      .action(async (username: string) => {
        await withDatabase(config().neo4j, async (db) => {
          await setDisabled(db, username, disabled);
          await recordCli(db, `users ${name} ${username}`);
        });
        console.log(`${username} ${disabled ? 'disabled; its sessions have ended' : 'enabled'}.`);
      });
  }
  users
    .command('password <username>')
    .description(
      "set a new password (generated unless --password-stdin); ends the account's sessions",
    )
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .action(async (username: string, options: PasswordOptions) => {
      const { password, generated } = await choosePassword(options);
      await withDatabase(config().neo4j, async (db) => {
        await setPassword(db, username, password);
        await recordCli(db, `users password ${username}`);
      });
      console.log(`New password set for ${username}.`);
      if (generated) console.log(`Password (shown once, store it safely): ${password}`);
    });
}

function parseRole(value: string): Role {
  const parsed = RoleSchema.safeParse(value);
  if (!parsed.success) {
    throw new BadInputError(`users: --role ${value} is not a role; use one of ${roles.join(', ')}`);
  }
  return parsed.data;
}

async function choosePassword(
  options: PasswordOptions,
): Promise<{ password: string; generated: boolean }> {
  if (!options.passwordStdin) return { password: generatePassword(), generated: true };
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return {
    password: Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, ''),
    generated: false,
  };
}

/** Console changes to accounts go into the audit trail like API requests do. */
export async function recordCli(db: Database, action: string): Promise<void> {
  await new AuditTrail(db).append({
    at: new Date().toISOString(),
    user: `cli:${userInfo().username}`,
    role: null,
    action,
    path: null,
    entities: [],
    entityCount: 0,
    purpose: null,
    status: 0,
  });
}
