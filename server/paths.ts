// Where the project's own files are, independent of the working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cypherDir = path.join(projectRoot, 'cypher');
export const neo4jDir = path.join(projectRoot, 'neo4j');
