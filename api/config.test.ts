import { describe, expect, it } from 'vitest';
import { checkExposure, isLoopback, loadConfig } from './config.js';

describe('config', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      sqlitePath: './data/mandatemap.db',
      graphiql: false,
      introspection: false,
      tokensFile: './data/tokens.json',
      auditFile: './data/audit.log',
      importLimits: { maxBytes: 50 * 1024 * 1024, maxRows: 500_000, maxColumns: 200 },
    });
  });

  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['192.168.1.10', false],
    ['::', false],
  ])('isLoopback(%s) = %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });

  it('refuses a non-loopback host while there are no API tokens, and allows it with tokens', () => {
    expect(() => checkExposure('0.0.0.0', false)).toThrow(/refusing to listen on 0\.0\.0\.0/);
    expect(() => checkExposure('0.0.0.0', true)).not.toThrow();
    expect(() => checkExposure('127.0.0.1', false)).not.toThrow();
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ MANDATEMAP_PORT: 'eighty', MANDATEMAP_GRAPHIQL: 'maybe' })).toThrow(
      /MANDATEMAP_PORT[\s\S]*MANDATEMAP_GRAPHIQL/,
    );
  });
});
