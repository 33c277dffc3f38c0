/**
 * Load: autocannon against a server in its own process. A nested 100-actor
 * query (target >= 5,000 req/s with zero errors on this 2-core machine),
 * repeated (answered from the response cache) and never the same (run each time), a
 * mixed read workload with overlaps for a scope while an import runs, and the
 * health endpoint's latency while a whole-country network analysis runs.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { report } from './report.js';

const NESTED =
  '{ actors(first: 100) { nodes { id name kind sector level { name } jurisdiction { name } } } }';

async function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/load-server.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // As deployed (the Dockerfile sets it): graphql-js skips its development checks.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /port (\d+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the load server exited (${code})`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

async function gql(base: string, query: string): Promise<{ data?: any; errors?: unknown[] }> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function summary(label: string, r: autocannon.Result): void {
  const errors = r.errors + r.timeouts + r.non2xx;
  report(
    label,
    null,
    `${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms, ${errors} errors of ${r.requests.total}`,
  );
}

export async function benchLoad(): Promise<void> {
  const { child, base } = await startServer();
  try {
    const check = await gql(base, NESTED);
    if (check.errors || check.data.actors.nodes.length !== 100)
      throw new Error(`the nested query fails: ${JSON.stringify(check.errors)}`);
    const place = (
      await gql(
        base,
        '{ jurisdictions(first: 1, filter: { kind: MUNICIPALITY }) { nodes { id } } }',
      )
    ).data.jurisdictions.nodes[0].id;
    const overlaps = `{ overlaps(scope: { jurisdictionId: "${place}" }, first: 20) { totalCount nodes { kinds nature } } }`;
    if ((await gql(base, overlaps)).errors) throw new Error('the overlaps query fails');
    const post = (query: string) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });

    await run({ url: base, connections: 50, duration: 3, requests: [post(NESTED)] }); // warm-up
    summary(
      'load: nested 100-actor query, repeated (50 conns, 10 s)',
      await run({ url: base, connections: 50, duration: 10, requests: [post(NESTED)] }),
    );

    // Every request different (an unused variable), so none is answered from the response cache.
    let nonce = 0;
    summary(
      'load: nested 100-actor query, never cached (50 conns, 10 s)',
      await run({
        url: base,
        connections: 50,
        duration: 10,
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({ query: NESTED, variables: { nonce: (nonce += 1) } }),
            }),
          },
        ],
      }),
    );

    const csv = [
      'name,kind,sector',
      ...Array.from({ length: 20_000 }, (_, i) => `Load Import ${i},ngo,civil_society`),
    ].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'load.csv');
    const importStarted = performance.now();
    const importing = fetch(`${base}/api/import?dryRun=false`, { method: 'POST', body: form }).then(
      async (r) => ({
        status: r.status,
        ms: performance.now() - importStarted,
        body: (await r.json()) as any,
      }),
    );
    const mixed = await run({
      url: base,
      connections: 50,
      duration: 10,
      requests: [post(NESTED), post(overlaps)],
    });
    const imported = await importing;
    summary('load: nested + overlaps, import running', mixed);
    report(
      'load: concurrent import of 20,000 actors',
      imported.ms,
      `HTTP ${imported.status}, created ${imported.body.counts?.created}`,
    );

    // The heaviest requests there are: the whole network with its metrics, and every overlap counted.
    const analysis = Promise.all([
      gql(
        base,
        '{ network(first: 100000) { betweennessExact nodes { degree betweenness community } } }',
      ),
      gql(base, '{ overlapSummary(scope: { at: null }, top: 100) { total } }'),
    ]);
    const analysisStarted = performance.now();
    const latencies: number[] = [];
    let done = false;
    void analysis.finally(() => (done = true));
    while (!done) {
      const started = performance.now();
      await fetch(`${base}/healthz`);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    latencies.sort((a, b) => a - b);
    report(
      'load: /healthz during whole-graph analyses',
      latencies.at(-1) ?? 0,
      `max of ${latencies.length} probes over ${(performance.now() - analysisStarted).toFixed(0)} ms; median ${latencies[Math.floor(latencies.length / 2)]?.toFixed(1)} ms`,
    );
  } finally {
    child.kill('SIGTERM');
  }
}
