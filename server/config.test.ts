import { describe, expect, it } from 'vitest';
import { chromiumExecutable, loadConfig } from './config.js';
import { ConfigError } from './errors.js';
import { usableCores } from './usable-cores.js';

describe('loadConfig', () => {
  it('defaults to the embedded database on loopback', () => {
    const config = loadConfig({});
    expect(config.neo4j).toMatchObject({
      mode: 'embedded',
      instance: 'default',
      boltPort: 7687,
      heap: '1g',
      pageCache: '1g',
      apiConnections: 2 * usableCores(),
      apiQueryTimeoutMs: 15_000,
    });
    expect(config.server).toEqual({ port: 8080, host: '127.0.0.1' });
  });

  it('uses an external server when NEO4J_URI is set', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.example:7687',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'fraud',
    });
    expect(config.neo4j).toEqual({
      mode: 'external',
      uri: 'neo4j+s://abc.databases.example:7687',
      user: 'reader',
      password: 'secret',
      database: 'fraud',
      apiConnections: 100,
      apiQueryTimeoutMs: 15_000,
    });
  });

  it("sets the API's connections to Neo4j from RINGWATCH_API_CONNECTIONS", () => {
    expect(loadConfig({ RINGWATCH_API_CONNECTIONS: '6' }).neo4j.apiConnections).toBe(6);
    const external = { NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'p' };
    expect(loadConfig({ ...external, RINGWATCH_API_CONNECTIONS: '24' }).neo4j.apiConnections).toBe(
      24,
    );
    expect(() => loadConfig({ RINGWATCH_API_CONNECTIONS: '0' })).toThrow(
      /RINGWATCH_API_CONNECTIONS="0"/,
    );
  });

  it("sets the API's time limit for one query from RINGWATCH_API_QUERY_TIMEOUT_SECONDS", () => {
    expect(loadConfig({ RINGWATCH_API_QUERY_TIMEOUT_SECONDS: '2.5' }).neo4j.apiQueryTimeoutMs).toBe(
      2500,
    );
    const external = { NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'p' };
    expect(
      loadConfig({ ...external, RINGWATCH_API_QUERY_TIMEOUT_SECONDS: '60' }).neo4j
        .apiQueryTimeoutMs,
    ).toBe(60_000);
    expect(
      loadConfig({ RINGWATCH_API_QUERY_TIMEOUT_SECONDS: '0' }).neo4j.apiQueryTimeoutMs,
    ).toBeUndefined();
    expect(() => loadConfig({ RINGWATCH_API_QUERY_TIMEOUT_SECONDS: '0.05' })).toThrow(
      /RINGWATCH_API_QUERY_TIMEOUT_SECONDS="0.05"/,
    );
    expect(() => loadConfig({ RINGWATCH_API_QUERY_TIMEOUT_SECONDS: '-1' })).toThrow(
      /RINGWATCH_API_QUERY_TIMEOUT_SECONDS="-1"/,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', NEO4J_URI: '' }).neo4j.mode).toBe('embedded');
  });

  it('names every bad variable, its value and what it should hold', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', RINGWATCH_NEO4J_HEAP: 'lots', NEO4J_URI: 'http://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/^config: /);
    expect(message).toContain('PORT="eighty"');
    expect(message).toContain('RINGWATCH_NEO4J_HEAP="lots": a size such as 512m or 2g');
    expect(message).toContain('NEO4J_URI="http://x": a Bolt URI');
    expect(message).toContain('fix the environment variable');
    expect((error as ConfigError).problems).toHaveLength(3);
  });

  it('requires a password with NEO4J_URI', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow(
      /NEO4J_PASSWORD: required when NEO4J_URI is set/,
    );
  });

  describe('the case webhook', () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

    it('is off unless RINGWATCH_WEBHOOK_URL is set', () => {
      expect(loadConfig({}).webhook).toBeNull();
      expect(loadConfig({ RINGWATCH_WEBHOOK_SECRET: secret }).webhook).toBeNull();
    });

    it('takes a URL and a Standard Webhooks secret, with defaults for the rest', () => {
      expect(
        loadConfig({
          RINGWATCH_WEBHOOK_URL: 'https://cases.example/hooks/ringwatch',
          RINGWATCH_WEBHOOK_SECRET: secret,
        }).webhook,
      ).toEqual({
        url: 'https://cases.example/hooks/ringwatch',
        secret,
        maxAttempts: 10,
        retryBaseMs: 30_000,
        pollMs: 5_000,
        timeoutMs: 10_000,
      });
      expect(
        loadConfig({
          RINGWATCH_WEBHOOK_URL: 'http://127.0.0.1:9000/in',
          RINGWATCH_WEBHOOK_SECRET: secret,
          RINGWATCH_WEBHOOK_MAX_ATTEMPTS: '3',
          RINGWATCH_WEBHOOK_RETRY_SECONDS: '2',
          RINGWATCH_WEBHOOK_POLL_SECONDS: '1',
          RINGWATCH_WEBHOOK_TIMEOUT_SECONDS: '4',
        }).webhook,
      ).toMatchObject({ maxAttempts: 3, retryBaseMs: 2_000, pollMs: 1_000, timeoutMs: 4_000 });
    });

    it('refuses a URL that is not http or https', () => {
      expect(() =>
        loadConfig({
          RINGWATCH_WEBHOOK_URL: 'ftp://cases.example/',
          RINGWATCH_WEBHOOK_SECRET: secret,
        }),
      ).toThrow(/RINGWATCH_WEBHOOK_URL="ftp:\/\/cases.example\/": an http:\/\/ or https:\/\/ URL/);
    });

    it('requires the secret with the URL and says how to make one', () => {
      expect(() => loadConfig({ RINGWATCH_WEBHOOK_URL: 'https://cases.example/' })).toThrow(
        /RINGWATCH_WEBHOOK_SECRET: required when RINGWATCH_WEBHOOK_URL is set.*openssl rand -base64 32/,
      );
    });

    it('refuses a secret that is not whsec_ and 24 to 64 bytes of base64, never showing it', () => {
      for (const bad of [
        'hunter2-hunter2-hunter2-hunter2',
        Buffer.alloc(32, 1).toString('base64'),
        `whsec_${Buffer.alloc(8, 1).toString('base64')}`,
        `whsec_${Buffer.alloc(65, 1).toString('base64')}`,
        'whsec_not base64!',
      ]) {
        let message = '';
        try {
          loadConfig({
            RINGWATCH_WEBHOOK_URL: 'https://cases.example/',
            RINGWATCH_WEBHOOK_SECRET: bad,
          });
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message).toMatch(/^config: RINGWATCH_WEBHOOK_SECRET: a Standard Webhooks secret/);
        expect(message).not.toContain(bad);
      }
    });
  });
});

describe('chromiumExecutable', () => {
  it('is Debian’s Chromium unless RINGWATCH_CHROMIUM names another', () => {
    expect(chromiumExecutable({})).toBe('/usr/bin/chromium');
    expect(chromiumExecutable({ RINGWATCH_CHROMIUM: '/opt/chromium/chrome' })).toBe(
      '/opt/chromium/chrome',
    );
  });
});
