// The demo's accounts: one per role, created on the first run with generated passwords that
// are printed once (only their hashes are stored). Later runs list the names and say how to
// set a new password.
import { generatePassword } from '../auth/passwords.js';
import { roles } from '../auth/roles.js';
import { addUser, listUsers } from '../auth/users.js';
import type { Database } from '../db/database.js';
import { recordCli } from './users-command.js';

export const demoUsername = (role: string) => `demo-${role.replace('_', '-')}`;

export async function ensureDemoUsers(db: Database): Promise<void> {
  const existing = new Set((await listUsers(db)).map((u) => u.username));
  const created: { username: string; role: string; password: string }[] = [];
  for (const role of roles) {
    const username = demoUsername(role);
    if (existing.has(username)) continue;
    const password = generatePassword();
    await addUser(db, { username, role, password });
    await recordCli(db, `users add ${username} (${role}) by the demo`);
    created.push({ username, role, password });
  }
  if (created.length > 0) {
    console.log('Demo accounts, one per role (passwords shown once, only their hashes are kept):');
    for (const u of created) {
      console.log(`  ${u.role.padEnd(15)} ${u.username.padEnd(22)} ${u.password}`);
    }
  }
  if (created.length < roles.length) {
    console.log(
      `Demo accounts ${roles.map(demoUsername).join(', ')} exist; \`ringwatch users password NAME\` sets a new password.`,
    );
  }
}
