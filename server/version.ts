// The package's version, read from package.json once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths.js';

export const appVersion = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'))).version;
