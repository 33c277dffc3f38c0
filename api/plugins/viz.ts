/**
 * The map at `/`: the built viz (viz/dist, or the folder in config.vizDir).
 * When it has not been built, `/` says how to build it instead of a bare 404.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';

/** viz/dist beside the sources, also when running from dist/. */
export function defaultVizDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const root = here.replace(/\/(dist\/)?api\/plugins\/?$/, '');
  return `${root}/viz/dist`;
}

export const vizPlugin = fp<{ config: Config }>(
  async (app, { config }) => {
    const root = config.vizDir ?? defaultVizDir();
    if (!existsSync(`${root}/index.html`)) {
      app.get('/', async (_request, reply) =>
        reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('The map is not built. Run `npm run build` (or `npm start`), then reload.\n'),
      );
      return;
    }
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      index: ['index.html'],
      cacheControl: false,
      // Hashed assets never change; index.html must always be fetched again.
      setHeaders(reply, path) {
        reply.header(
          'cache-control',
          path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        );
      },
    });
  },
  { name: 'mandatemap-viz', fastify: '5.x' },
);
