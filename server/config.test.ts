import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { ConfigError } from './errors.js';

describe('loadConfig', () => {
  it('defaults to the embedded database on loopback', () => {
    const config = loadConfig({});
    expect(config.neo4j).toMatchObject({
      mode: 'embedded',
      instance: 'default',
      boltPort: 7687,
      heap: '1g',
      pageCache: '1g',
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
    });
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
});
