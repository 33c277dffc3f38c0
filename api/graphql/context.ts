import type { GraphService } from '../../graph/index.js';

declare module 'mercurius' {
  interface MercuriusContext {
    graph: GraphService;
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
