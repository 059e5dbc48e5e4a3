// How to reach the database: the embedded instance (its loopback port and the password kept in
// its folder) or an external server from NEO4J_URI. Both go through exactly the same driver code.
import { readFile } from 'node:fs/promises';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jSettings } from '../config.js';
import { DatabaseUnavailableError } from '../errors.js';
import { instanceLayout } from './embedded/layout.js';

export interface Connection {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
  /**
   * The most connections the API server's driver opens (config.ts `apiConnections`); without
   * it, the driver's default.
   */
  apiConnections?: number;
  /**
   * How long one query of the API server may run before Neo4j stops it (config.ts
   * `apiQueryTimeoutMs`); without it, no limit.
   */
  apiQueryTimeoutMs?: number;
}

export function embeddedUri(boltPort: number): string {
  return `bolt://127.0.0.1:${boltPort}`;
}

export async function connectionFor(settings: Neo4jSettings): Promise<Connection> {
  if (settings.mode === 'external') {
    return {
      uri: settings.uri,
      user: settings.user,
      password: settings.password,
      database: settings.database,
      apiConnections: settings.apiConnections,
      apiQueryTimeoutMs: settings.apiQueryTimeoutMs,
    };
  }
  const layout = instanceLayout(settings.home, settings.instance);
  const password = await readFile(layout.passwordFile, 'utf8').catch(() => {
    throw new DatabaseUnavailableError(
      `db: the embedded database "${settings.instance}" has never been started (no ${layout.passwordFile}); run \`ringwatch db start\` or set NEO4J_URI`,
    );
  });
  return {
    uri: embeddedUri(settings.boltPort),
    user: 'neo4j',
    password: password.trim(),
    database: settings.database,
    apiConnections: settings.apiConnections,
    apiQueryTimeoutMs: settings.apiQueryTimeoutMs,
  };
}

/**
 * `batch` (commands: loads, analyses) rides out a database hiccup for up to 30 s;
 * `interactive` (the HTTP server) gives up within a few seconds, so a caller gets a prompt 503
 * rather than a hanging request, and the next request tries afresh; each of its queries also has
 * a time limit (`apiQueryTimeoutMs`, applied in database.ts).
 */
export type DriverProfile = 'batch' | 'interactive';

export const driverProfiles = {
  batch: {
    connectionAcquisitionTimeout: 30_000,
    connectionTimeout: 10_000,
    maxTransactionRetryTime: 30_000,
  },
  interactive: {
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 2_000,
    maxTransactionRetryTime: 2_000,
  },
} as const satisfies Record<DriverProfile, object>;

export function createDriver(connection: Connection, profile: DriverProfile = 'batch'): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    // Integers arrive as driver Integers and are converted in one place (server/db/values.ts).
    disableLosslessIntegers: false,
    ...driverProfiles[profile],
    // The API server runs at most this many queries at once; more wait for a connection, in
    // order. Neo4j on a few cores answered a burst faster taking them a few at a time than
    // switching between many (and the audit trail's batches grew, so fewer were written).
    ...(profile === 'interactive' && connection.apiConnections
      ? { maxConnectionPoolSize: connection.apiConnections }
      : {}),
    // No notifications (warnings such as an unknown property key, performance hints): nothing
    // here reads them, and Neo4j sent them with every result, each with its long description
    // and a second copy as a GQL status. A database without cases drew four on every entity
    // page and three on every neighbourhood (a case's fields and the CONCERNS type), which the
    // driver decoded into objects no one looked at.
    notificationFilter: { minimumSeverityLevel: 'OFF' },
    userAgent: 'ringwatch',
  });
}
