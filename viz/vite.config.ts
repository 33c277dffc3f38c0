/**
 * The map's build. `vite build --config viz/vite.config.ts` writes viz/dist,
 * which the API serves at `/`. `--mode test` writes viz/dist-test, a build
 * that exposes `window.__cy` for the browser tests.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ mode }) => ({
  root,
  base: '/',
  define: { __EXPOSE_CY__: JSON.stringify(mode === 'test') },
  build: {
    outDir: mode === 'test' ? 'dist-test' : 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2_000,
  },
}));
