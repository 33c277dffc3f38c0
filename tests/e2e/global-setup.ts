/** Builds the map once, in test mode (window.__cy exposed), into viz/dist-test. */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../../viz/vite.config.ts', import.meta.url)),
    mode: 'test',
    logLevel: 'warn',
  });
}
