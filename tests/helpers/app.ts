/** A real app over a real in-memory SQLite store, driven through fastify.inject. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.js';
import { testConfig } from '../../api/config.js';
import type { Config } from '../../api/config.js';
import { loadBergRiverSample } from '../../graph/index.js';
import type { GraphStore } from '../../graph/index.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface TestApp {
  app: FastifyInstance;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export async function makeTestApp(
  options: { sample?: boolean; store?: GraphStore; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const app = await buildApp(testConfig(options.config), { store: options.store });
  await app.ready();
  if (options.sample ?? true) {
    const report = await loadBergRiverSample(app.graph);
    if (!report.ok) throw new Error(`sample did not load: ${JSON.stringify(report.errors)}`);
  }
  return {
    app,
    async gql(query, variables) {
      const res = await app.inject({
        method: 'POST',
        url: '/graphql',
        payload: { query, variables },
      });
      const body = res.json();
      return { status: res.statusCode, data: body.data ?? null, errors: body.errors };
    },
    close: () => app.close(),
  };
}
