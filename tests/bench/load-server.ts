/**
 * The server the load benchmark drives, in its own process: a synthetic
 * country (2,000 actors) on the embedded store, no rate limit, quiet logs.
 * Prints `port <n>` when it listens.
 */
import { buildApp } from '../../api/app.js';
import { testConfig } from '../../api/config.js';
import { importRows } from '../../graph/io/import-plan.js';
import { rowsFromDocument } from '../../graph/io/json.js';
import { syntheticCountry } from '../../graph/samples/synthetic.js';

const app = await buildApp(testConfig({ rateLimit: 1_000_000_000, maxEventLoopDelayMs: 60_000 }));
const doc = syntheticCountry({
  seed: 3,
  actors: 2_000,
  mandates: 10_000,
  jurisdictions: 600,
  crossBorder: 50,
  issues: 120,
  partnerships: 200,
});
const report = await importRows(app.graph, rowsFromDocument(doc).rows);
if (!report.ok) throw new Error(`synthetic data did not load: ${JSON.stringify(report.errors[0])}`);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`port ${typeof address === 'object' && address ? address.port : 0}\n`);
