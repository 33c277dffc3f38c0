/** The environment -> a frozen Config. Nothing else reads process.env. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_IMPORT_LIMITS } from '../graph/index.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A whole number above zero, `fallback` when unset. */
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const EnvSchema = z.object({
  MANDATEMAP_HOST: z.string().min(1).default('127.0.0.1'),
  MANDATEMAP_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  MANDATEMAP_DB: z.string().min(1).default('./data/mandatemap.db'),
  MANDATEMAP_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  MANDATEMAP_GRAPHIQL: bool.default(false),
  MANDATEMAP_INTROSPECTION: bool.default(false),
  MANDATEMAP_TOKENS_FILE: z.string().min(1).default('./data/tokens.json'),
  MANDATEMAP_AUDIT_FILE: z.string().min(1).default('./data/audit.log'),
  MANDATEMAP_RATE_LIMIT: positiveInt(1_200),
  MANDATEMAP_CORS_ORIGIN: z.string().url().optional(),
  MANDATEMAP_MAX_EVENT_LOOP_DELAY_MS: positiveInt(1_000),
  MANDATEMAP_ANALYSIS_WORKERS: z.coerce.number().int().min(0).max(64).default(1),
  MANDATEMAP_ANALYSIS_TIMEOUT_MS: positiveInt(30_000),
  MANDATEMAP_RESPONSE_CACHE_MB: z.coerce.number().min(0).max(65_536).default(64),
  MANDATEMAP_IMPORT_MAX_BYTES: positiveInt(DEFAULT_IMPORT_LIMITS.maxBytes),
  MANDATEMAP_IMPORT_MAX_ROWS: positiveInt(DEFAULT_IMPORT_LIMITS.maxRows),
  MANDATEMAP_IMPORT_MAX_COLUMNS: positiveInt(DEFAULT_IMPORT_LIMITS.maxColumns),
  MANDATEMAP_IMPORT_MAX_UNPACKED_BYTES: positiveInt(DEFAULT_IMPORT_LIMITS.maxUnpackedBytes),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/\S+$/, 'must be a neo4j:// or bolt:// URI')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().optional(),
});

/** A Neo4j server to use instead of the embedded store. */
export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export interface Config {
  host: string;
  port: number;
  /** SQLite file path, or ':memory:'; unused when `neo4j` is set. */
  sqlitePath: string;
  /** Set by NEO4J_URI: the store is then Neo4j. */
  neo4j?: Neo4jConfig;
  /** The built map served at `/`; default viz/dist. */
  vizDir?: string;
  logLevel: string;
  graphiql: boolean;
  /** Schema introspection (and "Did you mean" suggestions); off unless enabled. */
  introspection: boolean;
  /** Where API tokens are kept (hashed). */
  tokensFile: string;
  /** The audit log of every write (JSON lines). */
  auditFile: string;
  /** Requests per minute per token, or per client address without one. */
  rateLimit: number;
  /** An origin allowed to call the API from a browser; CORS is off when unset. */
  corsOrigin?: string;
  /** Above this event-loop delay the server sheds load with 503 and Retry-After. */
  maxEventLoopDelayMs: number;
  /** Analyses run in this many worker threads (0: on the request thread, for debugging), each within timeoutMs. */
  analysis: { workers: number; timeoutMs: number };
  /** Room for GraphQL answers kept per store version; 0 turns the cache off. */
  responseCacheBytes: number;
  importLimits: { maxBytes: number; maxRows: number; maxColumns: number; maxUnpackedBytes: number };
}

/** Loopback addresses: 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    host: e.MANDATEMAP_HOST,
    port: e.MANDATEMAP_PORT,
    sqlitePath: e.MANDATEMAP_DB,
    ...(e.NEO4J_URI
      ? {
          neo4j: {
            uri: e.NEO4J_URI,
            user: e.NEO4J_USER,
            password: e.NEO4J_PASSWORD,
            ...(e.NEO4J_DATABASE ? { database: e.NEO4J_DATABASE } : {}),
          },
        }
      : {}),
    logLevel: e.MANDATEMAP_LOG_LEVEL,
    graphiql: e.MANDATEMAP_GRAPHIQL,
    introspection: e.MANDATEMAP_INTROSPECTION,
    tokensFile: e.MANDATEMAP_TOKENS_FILE,
    auditFile: e.MANDATEMAP_AUDIT_FILE,
    rateLimit: e.MANDATEMAP_RATE_LIMIT,
    ...(e.MANDATEMAP_CORS_ORIGIN ? { corsOrigin: e.MANDATEMAP_CORS_ORIGIN } : {}),
    maxEventLoopDelayMs: e.MANDATEMAP_MAX_EVENT_LOOP_DELAY_MS,
    analysis: {
      workers: e.MANDATEMAP_ANALYSIS_WORKERS,
      timeoutMs: e.MANDATEMAP_ANALYSIS_TIMEOUT_MS,
    },
    responseCacheBytes: Math.floor(e.MANDATEMAP_RESPONSE_CACHE_MB * 1024 * 1024),
    importLimits: {
      maxBytes: e.MANDATEMAP_IMPORT_MAX_BYTES,
      maxRows: e.MANDATEMAP_IMPORT_MAX_ROWS,
      maxColumns: e.MANDATEMAP_IMPORT_MAX_COLUMNS,
      maxUnpackedBytes: e.MANDATEMAP_IMPORT_MAX_UNPACKED_BYTES,
    },
  });
}

/**
 * Refuses to serve beyond loopback without API tokens: every read and write
 * would be open to the network.
 */
export function checkExposure(host: string, hasActiveTokens: boolean): void {
  if (isLoopback(host) || hasActiveTokens) return;
  throw new Error(
    `refusing to listen on ${host}: without API tokens mandatemap serves loopback only ` +
      '(127.0.0.1, ::1 or localhost). Create one first: mandatemap token create --role admin',
  );
}

/** A config for tests and embedding: in-memory store, quiet logs, its own token and audit files. */
export function testConfig(overrides: Partial<Config> = {}): Readonly<Config> {
  const dir = mkdtempSync(join(tmpdir(), 'mandatemap-test-'));
  return Object.freeze({
    ...loadConfig({
      MANDATEMAP_DB: ':memory:',
      MANDATEMAP_LOG_LEVEL: 'silent',
      MANDATEMAP_TOKENS_FILE: join(dir, 'tokens.json'),
      MANDATEMAP_AUDIT_FILE: join(dir, 'audit.log'),
      MANDATEMAP_RATE_LIMIT: '100000',
    }),
    ...overrides,
  });
}
