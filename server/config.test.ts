import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs with no variables at all on the embedded SQLite database', () => {
    const c = loadConfig({});
    expect(c.db).toEqual({
      url: 'sqlite:./data/clientloop.db',
      dialect: 'sqlite',
      autoMigrate: true,
    });
    expect(c.http.port).toBe(3000);
    expect(c.http.host).toBe('127.0.0.1');
    expect(c.http.publicUrl).toBe('http://localhost:3000');
    expect(c.services).toEqual(['web', 'worker']);
    expect(Object.isFrozen(c.http)).toBe(true);
  });

  it('selects PostgreSQL from a postgres:// URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/x' }).db.dialect).toBe(
      'postgres',
    );
  });

  it('names every invalid variable without echoing its value', () => {
    const secret = 'mysql://root:hunter2@db/x';
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: secret, PORT: 'eighty', SERVICES: 'web,cron' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/SERVICES/);
    expect(message).not.toContain('hunter2');
  });

  it('keeps a claimed job a minute by default; JOBS_LEASE_MS shortens it, not below a second', () => {
    expect(loadConfig({}).jobs.leaseMs).toBe(60_000);
    expect(loadConfig({ JOBS_LEASE_MS: '2000' }).jobs.leaseMs).toBe(2_000);
    expect(() => loadConfig({ JOBS_LEASE_MS: '500' })).toThrow(/JOBS_LEASE_MS/);
  });

  it('requires the bootstrap e-mail and password together', () => {
    expect(() => loadConfig({ CLIENTLOOP_ADMIN_EMAIL: 'a@example.com' })).toThrow(/set together/);
  });

  it('reads secrets from *_FILE variables', () => {
    const c = loadConfig({
      CLIENTLOOP_API_KEY_FILE: new URL('../package.json', import.meta.url).pathname,
    });
    expect(c.bootstrap.apiKey).toContain('"name": "clientloop"');
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    for (const name of CONFIG_VARIABLES) expect(documented, name).toContain(name);
  });
});
