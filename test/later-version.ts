// The test database as a later version of ringwatch sees it: the same graph, with one schema
// step more in the Cypher registry (`99-a-later-step`) than the graph has had. Only the registry
// differs: other test files migrate the same graph meanwhile.
import type { Database } from '../server/db/database.js';
import { withEditedCypher } from './edited-cypher.js';

export const laterStep = '99-a-later-step';

export function withLaterVersion<T>(work: (later: Database) => Promise<T>): Promise<T> {
  return withEditedCypher(
    {
      [`schema/${laterStep}.cypher`]:
        '// params: none\nCREATE INDEX later_step IF NOT EXISTS FOR (n:Person) ON (n.later)\n',
    },
    work,
  );
}
