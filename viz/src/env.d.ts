/** Set by vite.config.ts: true in test builds, which expose `window.__cy`. */
declare const __EXPOSE_CY__: boolean;

declare module 'cytoscape-fcose' {
  import type cytoscape from 'cytoscape';
  const register: (cy: typeof cytoscape) => void;
  export default register;
}
