// Reading the analyst-edited YAML files (rules, scoring configuration): one place for the
// messages that name the file and what to do when it cannot be read or parsed.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { BadInputError } from '../errors.js';

export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new BadInputError(`scoring: cannot read the ${what} ${path}; check the path`);
  }
}

export function parseYamlText(text: string, source: string, what: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    throw new BadInputError(
      `scoring: ${what} ${source} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
