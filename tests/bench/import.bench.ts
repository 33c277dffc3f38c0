/**
 * Import benchmarks (issue 4): a 100,000-actor CSV and a 300,000-mandate CSV
 * into the embedded store, next to a raw better-sqlite3 insert of the same rows
 * in one transaction; then exports of the graph they make (export.bench.ts).
 * Run with `npm run bench`.
 */
import Database from 'better-sqlite3';
import { importFile } from '../../graph/io/import-file.js';
import { toCsv } from '../../graph/io/csv.js';
import { syntheticCountry } from '../../graph/samples/synthetic.js';
import { importRows } from '../../graph/io/import-plan.js';
import { rowsFromDocument } from '../../graph/io/json.js';
import { GraphService } from '../../graph/service.js';
import { withoutVersion } from '../../graph/model/index.js';
import type { AnyEntity, EntityType, Upsert } from '../../graph/model/index.js';
import { openSqliteStore } from '../../graph/store/sqlite/sqlite-store.js';
import { benchExport } from './export.bench.js';
import { benchWorkbookImport } from './workbook-import.bench.js';
import { report, timeIt } from './report.js';

const LIMITS = { maxBytes: 1024 * 1024 * 1024, maxRows: 1_000_000 };

function rawInsert(rows: string[][]): number {
  const db = new Database(':memory:');
  const [header, ...body] = rows;
  db.exec(`CREATE TABLE t (${header!.map((h, i) => `c${i} TEXT`).join(', ')})`);
  const insert = db.prepare(`INSERT INTO t VALUES (${header!.map(() => '?').join(', ')})`);
  const start = performance.now();
  db.transaction(() => {
    for (const row of body) insert.run(...row);
  })();
  const ms = performance.now() - start;
  db.close();
  return ms;
}

/**
 * The store's own write of the same entities, with nothing else of an import
 * (no parsing, checks or state): one `write` into a fresh embedded store.
 * Shows how much of the gap to the raw insert is the entity table itself.
 */
async function storeWriteAlone(type: EntityType, entities: readonly AnyEntity[]): Promise<number> {
  const store = openSqliteStore({ path: ':memory:' });
  const upserts = entities.map((entity) => ({ type, entity }) as Upsert);
  const start = performance.now();
  await store.write({ upserts, deletes: [] });
  const ms = performance.now() - start;
  await store.close();
  return ms;
}

/**
 * A dry run of the mandates before their holders exist (imported in the wrong
 * order): every row is rejected, and the report lists each one.
 */
async function benchRejected(service: GraphService, mandateRows: string[][]): Promise<void> {
  const bytes = Buffer.from(toCsv(mandateRows));
  const run = await timeIt(() =>
    importFile(service, bytes, { filename: 'mandates.csv', limits: LIMITS, dryRun: true }),
  );
  const { rejected } = run.value.counts;
  if (rejected !== mandateRows.length - 1)
    throw new Error(`expected every row rejected: ${rejected}`);
  report(
    `dry run of ${rejected} mandates, every holder unknown`,
    run.ms,
    `${Math.round(rejected / (run.ms / 1000))} rows/s; ${run.value.errors.length} errors reported`,
  );
}

/**
 * The mandates imported again, as a list kept up to date is: once as they
 * are (nothing changes, and the report says so), once with every title
 * revised (each mandate updated).
 */
async function benchReimport(service: GraphService, mandateRows: string[][]): Promise<void> {
  const [header, ...body] = mandateRows;
  const title = header!.indexOf('title');
  const revised = [
    header!,
    ...body.map((row) => row.map((c, i) => (i === title ? `${c} (revised)` : c))),
  ];
  for (const [label, rows, outcome] of [
    ['re-import the same mandates', mandateRows, 'unchanged'],
    ['re-import mandates, every title revised', revised, 'updated'],
  ] as const) {
    const bytes = Buffer.from(toCsv(rows));
    const run = await timeIt(() =>
      importFile(service, bytes, { filename: 'mandates.csv', limits: LIMITS }),
    );
    const n = rows.length - 1;
    if (run.value.counts[outcome] !== n)
      throw new Error(`expected ${n} ${outcome}: ${JSON.stringify(run.value.counts)}`);
    report(label, run.ms, `${Math.round(n / (run.ms / 1000))} rows/s; ${n} ${outcome}`);
  }
}

export async function benchImport(): Promise<void> {
  const doc = syntheticCountry({ actors: 100_000, mandates: 300_000 });
  const service = new GraphService(openSqliteStore({ path: ':memory:' }));
  const { rows: base } = rowsFromDocument({
    levels: doc.levels,
    jurisdictions: doc.jurisdictions,
    issues: doc.issues,
  });
  await importRows(service, base);

  const actorRows = [
    ['id', 'name', 'kind', 'sector', 'levelId', 'jurisdictionId'],
    ...doc.actors.map((a) =>
      [a.id, a.name, a.kind, a.sector, a.levelId ?? '', a.jurisdictionId ?? ''].map(String),
    ),
  ];
  const mandateRows = [
    [
      'id',
      'title',
      'function',
      'strength',
      'holderId',
      'issueIds',
      'jurisdictionIds',
      'validFrom',
      'validTo',
    ],
    ...doc.mandates.map((m) =>
      [
        m.id,
        m.title,
        m.function,
        m.strength,
        m.holderId,
        (m.issueIds as string[]).join('|'),
        (m.jurisdictionIds as string[]).join('|'),
        m.validFrom ?? '',
        m.validTo ?? '',
      ].map(String),
    ),
  ];
  await benchRejected(service, mandateRows);
  for (const [label, type, rows, file] of [
    ['actors', 'actor', actorRows, 'actors.csv'],
    ['mandates', 'mandate', mandateRows, 'mandates.csv'],
  ] as const) {
    const bytes = Buffer.from(toCsv(rows));
    const run = await timeIt(() => importFile(service, bytes, { filename: file, limits: LIMITS }));
    const n = rows.length - 1;
    if (!run.value.ok)
      throw new Error(`bench import failed: ${JSON.stringify(run.value.errors.slice(0, 3))}`);
    const raw = rawInsert(rows as string[][]);
    const rate = n / (run.ms / 1000);
    const rawRate = n / (raw / 1000);
    report(
      `import ${n} ${label} from CSV`,
      run.ms,
      `${Math.round(rate)} rows/s; raw insert ${Math.round(rawRate)} rows/s (${raw.toFixed(0)} ms); ratio ${(rate / rawRate).toFixed(2)} (targets >= 100000 rows/s, >= 0.6x raw)`,
    );
    const entities: Map<string, AnyEntity> = (await service.state()).entities[type];
    const stored = Array.from(entities.values(), (e) => withoutVersion(e) as AnyEntity);
    const table = await storeWriteAlone(type, stored);
    report(
      `  the store's write alone, ${label}`,
      table,
      `${Math.round(n / (table / 1000))} rows/s; ratio to raw ${(raw / table).toFixed(2)} (JSON + keyed rows, no checks)`,
    );
  }
  await benchReimport(service, mandateRows);
  await benchExport(service);
  await service.close();
  await benchWorkbookImport();
}
