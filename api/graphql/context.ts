import type { GraphService, ImportLimits, StateReader } from '../../graph/index.js';
import type { MercuriusContext } from 'mercurius';
import type { AuditLog } from '../audit/audit-log.js';
import type { Principal } from '../auth/tokens.js';

declare module 'mercurius' {
  interface MercuriusContext {
    graph: GraphService;
    /** Who is asking; set by the auth plugin (HTTP) or at connection_init (websocket). */
    principal?: Principal;
    audit: AuditLog;
    /** What an import may hold (config.importLimits); the defaults when absent. */
    importLimits?: Partial<ImportLimits>;
    /** The request's snapshot of the graph; see requestReader. */
    reader?: Promise<StateReader>;
    /** The same snapshot once it is there: nested fields then answer without a promise. */
    readerReady?: StateReader;
  }
}

/** Graphql-js input objects have no prototype and carry nulls: plain objects without nulls (top level kept when asked). */
export function plainInput(value: unknown, keepTopLevelNulls = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null) {
      if (keepTopLevelNulls) out[key] = null;
    } else if (Array.isArray(v)) {
      out[key] = v.map((item) =>
        typeof item === 'object' && item !== null ? plainInput(item) : item,
      );
    } else if (typeof v === 'object') {
      out[key] = plainInput(v);
    } else {
      out[key] = v;
    }
  }
  return out;
}

/** One reader per request: every field of a query reads the same version of the graph. */
export function requestReader(ctx: MercuriusContext): Promise<StateReader> {
  ctx.reader ??= ctx.graph.reader().then((reader) => (ctx.readerReady = reader));
  return ctx.reader;
}

/**
 * `use` applied to the request's snapshot: at once when it is already there
 * (every nested field after the first), else once it is read.
 */
export function withReader<T>(
  ctx: MercuriusContext,
  use: (reader: StateReader) => T,
): T | Promise<T> {
  const ready = ctx.readerReady;
  return ready ? use(ready) : requestReader(ctx).then(use);
}
