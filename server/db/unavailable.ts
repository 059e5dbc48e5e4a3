// Which failures mean the database cannot take the work (down, refusing the credentials,
// every connection of the pool busy), and the error that says so with what to do: 503.
import { DatabaseUnavailableError } from '../errors.js';
import type { Connection } from './connection.js';

export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError || allBusy(error)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code === 'Neo.ClientError.Security.Unauthorized' ||
    code === 'Neo.ClientError.Database.DatabaseNotFound'
  );
}

/**
 * Every connection of the pool stayed in use until the acquisition timeout (the API's bounded
 * pool under more load than it can take). The driver gives this error no code, only its text.
 */
function allBusy(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('Connection acquisition timed out');
}

export function unavailable(connection: Connection, error: unknown): DatabaseUnavailableError {
  if (error instanceof DatabaseUnavailableError) return error;
  if (allBusy(error)) {
    const setting = connection.apiConnections
      ? ` (RINGWATCH_API_CONNECTIONS=${connection.apiConnections})`
      : '';
    return new DatabaseUnavailableError(
      `db: every connection to the database at ${connection.uri} stayed busy${setting}; the ` +
        'server has more work than it can take: try again, or give it more connections',
    );
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new DatabaseUnavailableError(
    `db: the database at ${connection.uri} is not available (${message}); start it with \`ringwatch db start\` or check NEO4J_URI`,
  );
}
