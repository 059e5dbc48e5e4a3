// Option parsers the commands share.
import { InvalidArgumentError, type Command } from 'commander';

export function positiveIntOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number ≥ 1');
  return n;
}

export function isoDateOption(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('a date such as 2024-03-31');
  }
  return value;
}

/** The options train, score and evaluate share: configuration, rules and the as-of date. */
export function withScoringOptions(command: Command): Command {
  return command
    .option(
      '--config <file>',
      'scoring configuration (YAML): inputs, capacity per band, bands per sector/region; default: built-in defaults',
    )
    .option('--rules <file>', 'indicator rules (YAML); default: the shipped rule set')
    .option(
      '--as-of <date>',
      'date inputs are measured from (default: the last load’s extraction date)',
      isoDateOption,
    );
}
