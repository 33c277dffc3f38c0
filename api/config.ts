/** The environment -> a frozen Config. Nothing else reads process.env. */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  MANDATEMAP_HOST: z.string().min(1).default('127.0.0.1'),
  MANDATEMAP_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  MANDATEMAP_DB: z.string().min(1).default('./data/mandatemap.db'),
  MANDATEMAP_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  MANDATEMAP_GRAPHIQL: bool.default(true),
  MANDATEMAP_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  MANDATEMAP_IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(500_000),
  MANDATEMAP_IMPORT_MAX_COLUMNS: z.coerce.number().int().positive().default(200),
  MANDATEMAP_IMPORT_MAX_UNPACKED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024),
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
  if (!isLoopback(e.MANDATEMAP_HOST)) {
    throw new Error(
      `refusing to listen on ${e.MANDATEMAP_HOST}: without API tokens mandatemap serves loopback only ` +
        '(127.0.0.1, ::1 or localhost); every write would be open to the network',
    );
  }
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
    importLimits: {
      maxBytes: e.MANDATEMAP_IMPORT_MAX_BYTES,
      maxRows: e.MANDATEMAP_IMPORT_MAX_ROWS,
      maxColumns: e.MANDATEMAP_IMPORT_MAX_COLUMNS,
      maxUnpackedBytes: e.MANDATEMAP_IMPORT_MAX_UNPACKED_BYTES,
    },
  });
}

/** A config for tests and embedding: in-memory store, quiet logs. */
export function testConfig(overrides: Partial<Config> = {}): Readonly<Config> {
  return Object.freeze({
    ...loadConfig({ MANDATEMAP_DB: ':memory:', MANDATEMAP_LOG_LEVEL: 'silent' }),
    ...overrides,
  });
}
