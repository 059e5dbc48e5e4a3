// The configuration of a ringwatch process: read once from the environment, validated with
// zod, and passed down. No other module reads process.env.
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths.js';
import { ConfigError } from './errors.js';
import { usableCores } from './usable-cores.js';

const memorySize = z.string().regex(/^\d+[kmgKMG]$/, 'a size such as 512m or 2g');

const port = z.coerce.number().int().min(1).max(65535);

/** Every environment variable ringwatch understands, with its default. */
const EnvSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/\S+$/, 'a Bolt URI such as neo4j://host:7687')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z.string().min(1).optional(),
  RINGWATCH_HOME: z.string().min(1).optional(),
  RINGWATCH_INSTANCE: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes')
    .default('default'),
  RINGWATCH_NEO4J_BOLT_PORT: port.default(7687),
  RINGWATCH_NEO4J_HEAP: memorySize.default('1g'),
  RINGWATCH_NEO4J_PAGECACHE: memorySize.default('1g'),
  RINGWATCH_NEO4J_START_TIMEOUT: z.coerce.number().int().min(5).max(3600).default(180),
  RINGWATCH_API_CONNECTIONS: z.coerce.number().int().min(1).max(1000).optional(),
  // 0: no limit. Between 0 and 0.1 s, nothing could run (a query's planning alone takes longer).
  RINGWATCH_API_QUERY_TIMEOUT_SECONDS: z.coerce
    .number()
    .max(3600)
    .refine((s) => s === 0 || s >= 0.1, '0 (no limit), or 0.1 to 3600 seconds')
    .default(15),
  JAVA_HOME: z.string().min(1).optional(),
  PORT: port.default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  RINGWATCH_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(8),
  RINGWATCH_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(30),
  RINGWATCH_LOGIN_ATTEMPTS: z.coerce.number().int().min(1).max(10_000).default(10),
  RINGWATCH_LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  RINGWATCH_SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(2),
  RINGWATCH_RANKINGS_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(1),
  RINGWATCH_CONTROL_SHARE: z.coerce.number().min(0).max(0.5).default(0.1),
  RINGWATCH_WEBHOOK_URL: z
    .url({
      protocol: /^https?$/,
      hostname: z.regexes.hostname,
      error: 'an http:// or https:// URL',
    })
    .optional(),
  RINGWATCH_WEBHOOK_SECRET: z.string().optional(),
  RINGWATCH_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  RINGWATCH_WEBHOOK_RETRY_SECONDS: z.coerce.number().positive().max(86_400).default(30),
  RINGWATCH_WEBHOOK_POLL_SECONDS: z.coerce.number().positive().max(3_600).default(5),
  RINGWATCH_WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export const EmbeddedNeo4jSchema = z.object({
  mode: z.literal('embedded'),
  /** Folder holding the jars (lib/, plugins/) and the instances. */
  home: z.string(),
  instance: z.string(),
  boltPort: port,
  heap: memorySize,
  pageCache: memorySize,
  startTimeoutSeconds: z.number(),
  javaHome: z.string().optional(),
  database: z.string().optional(),
  apiConnections: z.number().int().positive(),
  /** Absent: no limit (RINGWATCH_API_QUERY_TIMEOUT_SECONDS=0). */
  apiQueryTimeoutMs: z.number().positive().optional(),
});

export const ExternalNeo4jSchema = z.object({
  mode: z.literal('external'),
  uri: z.string(),
  user: z.string(),
  password: z.string(),
  database: z.string().optional(),
  apiConnections: z.number().int().positive(),
  /** Absent: no limit (RINGWATCH_API_QUERY_TIMEOUT_SECONDS=0). */
  apiQueryTimeoutMs: z.number().positive().optional(),
});

export type EmbeddedNeo4j = z.infer<typeof EmbeddedNeo4jSchema>;
export type ExternalNeo4j = z.infer<typeof ExternalNeo4jSchema>;
export type Neo4jSettings = EmbeddedNeo4j | ExternalNeo4j;

export interface AuthSettings {
  /** A session ends this long after login… */
  sessionTtlMs: number;
  /** …or after this long without a request. */
  sessionIdleMs: number;
  /** Failed logins allowed per client address in one window before 429. */
  loginAttempts: number;
  loginWindowMs: number;
  /**
   * A checked session is believed this long without asking the database again (0: every
   * request asks). A sign-out or disabled account elsewhere takes effect within it.
   */
  sessionCacheMs: number;
}

export interface ViewSettings {
  /**
   * Rankings pages are kept in memory until a new scoring run or load (at most a minute); the
   * database is asked whether there was one at most this often (0: no rankings cache).
   */
  rankingsCacheMs: number;
}

export interface CaseSettings {
  /** Share of new queue slots filled with entities drawn at random (the control group). */
  controlShare: number;
}

/** Where and how case events are POSTed to another case system (server/cases/outbox/). */
export interface WebhookSettings {
  url: string;
  /** A Standard Webhooks secret, `whsec_` + base64; signs every message. */
  secret: string;
  /** Attempts per message before it is 'failed' (a person can retry it then). */
  maxAttempts: number;
  /** The first retry waits about this long, each next one twice as long (with jitter). */
  retryBaseMs: number;
  /** How often `ringwatch serve` looks for due messages. */
  pollMs: number;
  /** How long one POST may take before it counts as failed. */
  timeoutMs: number;
}

export interface Config {
  neo4j: Neo4jSettings;
  server: { port: number; host: string };
  auth: AuthSettings;
  cases: CaseSettings;
  views: ViewSettings;
  /** null when RINGWATCH_WEBHOOK_URL is not set: then no case event is sent anywhere. */
  webhook: WebhookSettings | null;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

/**
 * Parses the configuration from an environment (process.env by default). Throws a ConfigError
 * that names every bad variable and what it should hold.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: issue.path.join('.'),
        problem: issue.message,
        value: secretVariables.has(String(issue.path[0])) ? undefined : env[String(issue.path[0])],
      })),
    );
  }
  const e = parsed.data;
  let neo4j: Neo4jSettings;
  if (e.NEO4J_URI !== undefined) {
    if (e.NEO4J_PASSWORD === undefined) {
      throw new ConfigError([
        {
          variable: 'NEO4J_PASSWORD',
          problem: 'required when NEO4J_URI is set (the password of NEO4J_USER on that server)',
          value: undefined,
        },
      ]);
    }
    neo4j = {
      mode: 'external',
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      apiConnections: e.RINGWATCH_API_CONNECTIONS ?? externalApiConnections,
      apiQueryTimeoutMs: queryTimeoutMs(e.RINGWATCH_API_QUERY_TIMEOUT_SECONDS),
    };
  } else {
    neo4j = {
      mode: 'embedded',
      home: path.resolve(e.RINGWATCH_HOME ?? path.join(projectRoot, '.neo4j')),
      instance: e.RINGWATCH_INSTANCE,
      boltPort: e.RINGWATCH_NEO4J_BOLT_PORT,
      heap: e.RINGWATCH_NEO4J_HEAP,
      pageCache: e.RINGWATCH_NEO4J_PAGECACHE,
      startTimeoutSeconds: e.RINGWATCH_NEO4J_START_TIMEOUT,
      javaHome: e.JAVA_HOME,
      database: e.NEO4J_DATABASE,
      apiConnections: e.RINGWATCH_API_CONNECTIONS ?? 2 * usableCores(),
      apiQueryTimeoutMs: queryTimeoutMs(e.RINGWATCH_API_QUERY_TIMEOUT_SECONDS),
    };
  }
  return {
    neo4j,
    webhook: webhookSettings(e),
    server: { port: e.PORT, host: e.HOST },
    auth: {
      sessionTtlMs: e.RINGWATCH_SESSION_HOURS * 3_600_000,
      sessionIdleMs: e.RINGWATCH_SESSION_IDLE_MINUTES * 60_000,
      loginAttempts: e.RINGWATCH_LOGIN_ATTEMPTS,
      loginWindowMs: e.RINGWATCH_LOGIN_WINDOW_MINUTES * 60_000,
      sessionCacheMs: e.RINGWATCH_SESSION_CACHE_SECONDS * 1000,
    },
    views: { rankingsCacheMs: e.RINGWATCH_RANKINGS_CACHE_SECONDS * 1000 },
    cases: { controlShare: e.RINGWATCH_CONTROL_SHARE },
    logLevel: e.LOG_LEVEL,
  };
}

/**
 * The API server's connections to an external Neo4j: the driver's own default, as that server's
 * cores are not known here. (The embedded one shares this machine's cores and gets twice as many
 * connections as cores, since more queries at once only take turns on them: on 2 cores, person
 * pages at 32 clients had a p95 of 61-67 ms with 4 connections and 72-98 with 100:
 * bench/api-speed.md. The cores are those of a container's CPU quota where it has one:
 * usable-cores.ts.)
 */
const externalApiConnections = 100;

/**
 * The API's time limit for one query in ms; none for 0. The limit has a cost: person pages at
 * 32 clients leaned a few per cent slower with it (bench/api-speed.md), where no query comes
 * near it.
 */
function queryTimeoutMs(seconds: number): number | undefined {
  return seconds === 0 ? undefined : seconds * 1000;
}

/** Variables whose value never appears in an error message (nor, through it, in a log). */
const secretVariables = new Set(['NEO4J_PASSWORD', 'RINGWATCH_WEBHOOK_SECRET']);

/** Standard Webhooks secrets: `whsec_` and 24 to 64 random bytes in base64. */
const webhookSecretPattern = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

const howToMakeASecret =
  "make one with `openssl rand -base64 32 | sed 's/^/whsec_/'` and give the receiver the same secret";

function webhookSettings(e: z.infer<typeof EnvSchema>): WebhookSettings | null {
  if (e.RINGWATCH_WEBHOOK_URL === undefined) return null;
  const secret = e.RINGWATCH_WEBHOOK_SECRET;
  if (secret === undefined) {
    throw secretError(
      `required when RINGWATCH_WEBHOOK_URL is set (the messages are signed with it); ${howToMakeASecret}`,
    );
  }
  if (!webhookSecretPattern.test(secret) || !secretLengthOk(secret)) {
    throw secretError(
      `a Standard Webhooks secret: whsec_ followed by 24 to 64 random bytes in base64; ${howToMakeASecret}`,
    );
  }
  return {
    url: e.RINGWATCH_WEBHOOK_URL,
    secret,
    maxAttempts: e.RINGWATCH_WEBHOOK_MAX_ATTEMPTS,
    retryBaseMs: e.RINGWATCH_WEBHOOK_RETRY_SECONDS * 1000,
    pollMs: e.RINGWATCH_WEBHOOK_POLL_SECONDS * 1000,
    timeoutMs: e.RINGWATCH_WEBHOOK_TIMEOUT_SECONDS * 1000,
  };
}

/** The secret's value is never shown, not even when it is wrong. */
function secretError(problem: string): ConfigError {
  return new ConfigError([{ variable: 'RINGWATCH_WEBHOOK_SECRET', problem, value: undefined }]);
}

function secretLengthOk(secret: string): boolean {
  const bytes = Buffer.from(secret.slice('whsec_'.length), 'base64').length;
  return bytes >= 24 && bytes <= 64;
}

/** An empty variable (`PORT=`) means "not set", as in most shells' intent. */
function emptyToUndefined(env: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
}

/**
 * The environment for a child process (the embedded Neo4j and its admin tool): this process's
 * environment, which children inherit as usual, plus `extra`.
 */
/**
 * The process's own --max-semi-space-size, if it was given one (0: V8's default): Node's own
 * runtime flag, read here with the rest of the environment, for the bulk load's staging threads
 * to put it back after they start (loaders/bulk/parallel-staging.ts).
 */
export function ownSemiSpaceMb(
  env: Record<string, string | undefined> = process.env,
  execArgv: readonly string[] = process.execArgv,
): number {
  // The command line overrides NODE_OPTIONS; Node takes the last of repeated options.
  const options = [...(env.NODE_OPTIONS ?? '').split(/\s+/), ...execArgv].map((o) =>
    o.startsWith('--') ? o.replaceAll('_', '-') : o,
  );
  let own = 0;
  for (const [i, option] of options.entries()) {
    const inline = /^--max-semi-space-size=(\d+)$/.exec(option);
    if (inline) own = Number(inline[1]);
    else if (option === '--max-semi-space-size' && /^\d+$/.test(options[i + 1] ?? ''))
      own = Number(options[i + 1]);
  }
  return own;
}

/**
 * The Chromium the browser tests and the web benchmarks drive: Debian's, unless
 * RINGWATCH_CHROMIUM names another build (no ringwatch command needs a browser).
 */
export function chromiumExecutable(env: Record<string, string | undefined> = process.env): string {
  return env.RINGWATCH_CHROMIUM ?? '/usr/bin/chromium';
}

export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
