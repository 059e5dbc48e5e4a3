// The `ringwatch` command line. Each sub-command lives in its own file; this one wires them
// and turns errors into one clear line.
import { Command, CommanderError } from 'commander';
import { RingwatchError } from '../errors.js';
import { appVersion } from '../version.js';
import { registerAnalyzeCommands } from './analyze-command.js';
import { registerAuditCommands } from './audit-command.js';
import { addCaseCommands } from './cases-command.js';
import { addCaseDeliveryCommands } from './cases-delivery-command.js';
import { registerDbCommands } from './db-commands.js';
import { registerDemoCommand } from './demo-command.js';
import { registerFeaturesCommand } from './features-command.js';
import { registerGenerateCommand } from './generate-command.js';
import { registerLoadCommand } from './load-command.js';
import { registerServeCommands } from './serve-command.js';
import { registerEvaluateCommand } from './evaluate-command.js';
import { registerExportCommand } from './export-command.js';
import { registerModelCommands } from './model-command.js';
import { registerScoreCommand } from './score-command.js';
import { registerTrainCommand } from './train-command.js';
import { registerUsersCommands } from './users-command.js';

export function buildProgram(): Command {
  const program = new Command('ringwatch')
    .description('Find fraud networks in social-security data.')
    .version(appVersion)
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: false });
  registerDbCommands(program);
  registerGenerateCommand(program);
  registerLoadCommand(program);
  registerAnalyzeCommands(program);
  registerFeaturesCommand(program);
  registerTrainCommand(program);
  registerScoreCommand(program);
  registerEvaluateCommand(program);
  registerModelCommands(program);
  registerExportCommand(program);
  registerServeCommands(program);
  registerUsersCommands(program);
  registerAuditCommands(program);
  registerCasesCommands(program);
  registerDemoCommand(program);
  return program;
}

/**
 * `ringwatch cases …`: one command group, to which each file adds its own sub-commands (add
 * the next one's `add…Commands(cases)` here).
 */
function registerCasesCommands(program: Command): void {
  const cases = program
    .command('cases')
    .description('the case queue (plan, list, export, simulate) and its webhook deliveries');
  addCaseCommands(cases);
  addCaseDeliveryCommands(cases);
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    const known =
      error instanceof RingwatchError || (error instanceof Error && /^\w+: /.test(error.message));
    const message = error instanceof Error ? error.message : String(error);
    console.error(`ringwatch: ${message}`);
    if (!known && error instanceof Error && error.stack) console.error(error.stack);
    process.exitCode = 1;
  }
}

await main();
