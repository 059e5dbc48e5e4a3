// `ringwatch audit verify`: recomputes the audit trail's hash chain and names every record that
// was edited, removed or reordered. Exit status 0 when the chain holds, 1 when it does not.
import type { Command } from 'commander';
import { verifyAudit } from '../audit/verify-audit.js';
import { config, withDatabase } from './context.js';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit trail');
  audit
    .command('verify')
    .description(
      'recompute the hash chain; exit 1 and name the records if any was edited, removed or reordered',
    )
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const result = await withDatabase(config().neo4j, (db) => verifyAudit(db));
      if (options.json) console.log(JSON.stringify(result, null, 2));
      else if (result.ok) {
        console.log(
          `Audit trail intact: ${result.records} records, head ${result.head.seq} ${result.head.hash ?? '(empty)'}.`,
        );
        console.log(
          'Keep the head somewhere outside the database to detect a trail cut back and re-headed.',
        );
      } else {
        console.log(`Audit trail BROKEN (${result.records} records read):`);
        for (const p of result.problems) console.log(`  ${p.problem}`);
      }
      if (!result.ok) process.exitCode = 1;
    });
}
