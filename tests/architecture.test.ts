/** The dependency rules of STYLE.md, checked by scanning every import. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mts)$/.test(f) && !f.includes('node_modules') && !f.startsWith('dist'))
    .map((f) => join(dir, f));
}

interface Import {
  file: string;
  spec: string;
  /** Repo-relative path for relative imports, else the package name. */
  target: string;
  /** `import type`: gone once compiled. */
  typeOnly: boolean;
}

export function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)(\s+type\b)?[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*()['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => ({ spec: m[2]!, typeOnly: m[1] !== undefined && m[1] !== '' }));
  return specs.map(({ spec, typeOnly }) => ({
    file,
    spec,
    target: spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec,
    typeOnly,
  }));
}

const isTest = (f: string) => /\.test\.ts$/.test(f);
const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
const productionImports = (dir: string) =>
  sourceFiles(dir)
    .filter((f) => !isTest(f))
    .flatMap(importsOf);

function violations(imports: Import[], forbidden: (i: Import) => boolean): string[] {
  return imports.filter(forbidden).map((i) => `${i.file} imports ${i.spec}`);
}

const HTTP_PACKAGES = /^(fastify|@fastify\/|fastify-plugin|mercurius|graphql|@graphql-tools\/)/;
const DRIVERS = /^(better-sqlite3|neo4j-driver)/;

describe('dependency rules', () => {
  it('the scanner sees imports (so the rules below can fail)', () => {
    expect(productionImports('api').some((i) => under(i.target, 'graph'))).toBe(true);
    expect(importsOf('api/app.ts').map((i) => i.spec)).toContain('fastify');
  });

  it('every package the server imports is a dependency, not a dev dependency (the image prunes those)', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const packageOf = (spec: string) =>
      spec
        .split('/')
        .slice(0, spec.startsWith('@') ? 2 : 1)
        .join('/');
    // tsx is loaded only when a worker starts from the TypeScript sources (tests, benchmarks)
    const fromSourcesOnly = (i: Import) =>
      i.file === 'graph/workers/spawn.ts' && i.spec === 'tsx/esm/api';
    const imports = [...productionImports('api'), ...productionImports('graph')].filter(
      (i) =>
        !i.typeOnly &&
        !i.spec.startsWith('.') &&
        !i.spec.startsWith('node:') &&
        !fromSourcesOnly(i),
    );
    expect(imports.length).toBeGreaterThan(10);
    expect(violations(imports, (i) => !(packageOf(i.spec) in manifest.dependencies))).toEqual([]);
  });

  it('nothing imports api/', () => {
    const all = ['graph', 'viz', 'tests'].flatMap((d) => sourceFiles(d).flatMap(importsOf));
    const allowedTests = (i: Import) => under(i.file, 'tests') || isTest(i.file);
    expect(violations(all, (i) => under(i.target, 'api') && !allowedTests(i))).toEqual([]);
  });

  it('graph/ imports no fastify, mercurius or graphql', () => {
    expect(violations(productionImports('graph'), (i) => HTTP_PACKAGES.test(i.spec))).toEqual([]);
  });

  it('api/ enters graph/ only through graph/index.ts', () => {
    expect(
      violations(
        productionImports('api'),
        (i) => under(i.target, 'graph') && i.target !== 'graph/index.js',
      ),
    ).toEqual([]);
  });

  it('graph/analysis imports only graph/model, the error type model uses too, and itself', () => {
    const allowed = (t: string) =>
      under(t, 'graph/analysis') || under(t, 'graph/model') || t === 'graph/errors.js';
    expect(
      violations(productionImports('graph/analysis'), (i) =>
        i.spec.startsWith('.')
          ? !allowed(i.target)
          : DRIVERS.test(i.spec) || HTTP_PACKAGES.test(i.spec),
      ),
    ).toEqual([]);
  });

  it('stores and analysis never import each other; adapters never import each other', () => {
    const store = productionImports('graph/store');
    expect(violations(store, (i) => under(i.target, 'graph/analysis'))).toEqual([]);
    expect(
      violations(productionImports('graph/analysis'), (i) => under(i.target, 'graph/store')),
    ).toEqual([]);
    expect(
      violations(
        store,
        (i) => under(i.file, 'graph/store/sqlite') && under(i.target, 'graph/store/neo4j'),
      ),
    ).toEqual([]);
    expect(
      violations(
        store,
        (i) => under(i.file, 'graph/store/neo4j') && under(i.target, 'graph/store/sqlite'),
      ),
    ).toEqual([]);
  });

  it('only open-store.ts knows the adapters', () => {
    const outside = ['graph', 'api']
      .flatMap((d) => productionImports(d))
      .filter((i) => !under(i.file, 'graph/store'));
    const adapterImports = (i: Import) =>
      under(i.target, 'graph/store/sqlite') || under(i.target, 'graph/store/neo4j');
    expect(violations(outside, adapterImports)).toEqual([]);
    const inStore = productionImports('graph/store').filter(
      (i) => !under(i.file, 'graph/store/sqlite') && !under(i.file, 'graph/store/neo4j'),
    );
    expect(
      violations(inStore, (i) => adapterImports(i) && i.file !== 'graph/store/open-store.ts'),
    ).toEqual([]);
  });

  it('drivers are imported only inside their adapter', () => {
    const all = ['graph', 'api'].flatMap((d) => productionImports(d));
    expect(
      violations(
        all,
        (i) =>
          (i.spec === 'better-sqlite3' && !under(i.file, 'graph/store/sqlite')) ||
          (i.spec === 'neo4j-driver' && !under(i.file, 'graph/store/neo4j')),
      ),
    ).toEqual([]);
  });

  it('viz/ reaches the server only over HTTP', () => {
    const viz = productionImports('viz');
    expect(violations(viz, (i) => under(i.target, 'api') || under(i.target, 'graph'))).toEqual([]);
  });
});
