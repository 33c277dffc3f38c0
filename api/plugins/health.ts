/** Liveness (/healthz: the process answers) and readiness (/readyz: the store answers). */
import fp from 'fastify-plugin';

export const healthPlugin = fp(
  async (app) => {
    app.get('/healthz', async () => ({ status: 'ok' }));
    app.get('/readyz', async (_request, reply) => {
      try {
        await app.graph.store.ping();
        return {
          status: 'ready',
          store: app.graph.store.kind,
          version: await app.graph.store.version(),
        };
      } catch (error) {
        const message = error instanceof Error ? error.message : 'the store does not answer';
        return reply
          .code(503)
          .send({ status: 'unavailable', store: app.graph.store.kind, message });
      }
    });
  },
  { name: 'mandatemap-health', dependencies: ['mandatemap-graph'] },
);
