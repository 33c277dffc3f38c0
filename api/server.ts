/** Load config -> buildApp -> listen; close gracefully on SIGTERM and SIGINT. */
import type { FastifyInstance } from 'fastify';
import { loadBergRiverSample } from '../graph/index.js';
import { buildApp } from './app.js';
import { checkExposure } from './config.js';
import type { Config } from './config.js';

export interface ServeOptions {
  /** Load the Berg River sample when the store is empty. */
  sample: boolean;
}

/** How long in-flight requests get to finish after SIGTERM before the process exits anyway. */
const GRACE_MS = 10_000;

export async function startServer(config: Config, options: ServeOptions): Promise<FastifyInstance> {
  const app = await buildApp(config);
  checkExposure(config.host, app.tokens.hasActiveTokens());
  if (options.sample && (await app.graph.store.version()) === 0) {
    const report = await loadBergRiverSample(app.graph);
    app.log.info({ counts: report.counts }, 'loaded the Berg River sample into the empty store');
  }
  const close = (signal: string): void => {
    // New requests get 503 while in-flight ones finish; the store closes last.
    app.log.info({ signal, graceMs: GRACE_MS }, 'shutting down');
    setTimeout(() => {
      app.log.error('in-flight requests did not finish within the grace period; exiting');
      process.exit(1);
    }, GRACE_MS).unref();
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
