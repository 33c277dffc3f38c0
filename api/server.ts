/** Load config -> buildApp -> listen; close gracefully on SIGTERM and SIGINT. */
import type { FastifyInstance } from 'fastify';
import { loadBergRiverSample } from '../graph/index.js';
import { buildApp } from './app.js';
import type { Config } from './config.js';

export interface ServeOptions {
  /** Load the Berg River sample when the store is empty. */
  sample: boolean;
}

export async function startServer(config: Config, options: ServeOptions): Promise<FastifyInstance> {
  const app = await buildApp(config);
  if (options.sample && (await app.graph.store.version()) === 0) {
    const report = await loadBergRiverSample(app.graph);
    app.log.info({ counts: report.counts }, 'loaded the Berg River sample into the empty store');
  }
  const close = (signal: string): void => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  await app.listen({ host: config.host, port: config.port });
  return app;
}
