/** The import and export commands of the CLI: they open the configured store directly, no server. */
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import {
  ENTITY_TYPES,
  EXPORT_FORMATS,
  GraphError,
  GraphService,
  exportGraph,
  importFile,
  isGraphError,
  migrateStore,
  openStore,
} from '../graph/index.js';
import type { CommittedChange, EntityType } from '../graph/index.js';
import { AuditLog } from './audit/audit-log.js';
import { progressBar } from './cli-progress.js';
import { formatReport, writeReportFile } from './cli-report.js';
import { loadConfig } from './config.js';

function entityType(value: string | undefined): EntityType | undefined {
  if (value === undefined) return undefined;
  const type = ENTITY_TYPES.find((t) => value === t || value === `${t}s`);
  if (!type) throw new Error(`unknown entity type '${value}'; one of ${ENTITY_TYPES.join(', ')}`);
  return type;
}

async function withService<T>(
  db: string | undefined,
  fn: (service: GraphService) => Promise<T>,
): Promise<T> {
  const config = loadConfig({ ...process.env, ...(db ? { MANDATEMAP_DB: db } : {}) });
  const service = new GraphService(await openStore(config), { analysis: config.analysis });
  try {
    return await fn(service);
  } finally {
    await service.close();
  }
}

/** The bytes of a file to import; one larger than the limit is refused before it is read. */
function readImportFile(path: string, maxBytes: number): Buffer {
  const stats = fileStats(path);
  if (!stats.isFile()) throw new Error(`cannot import '${path}': it is not a file`);
  if (stats.size > maxBytes) {
    throw new GraphError(
      'LIMIT_EXCEEDED',
      `the file is ${stats.size} bytes, more than ${maxBytes}`,
      { max: maxBytes },
    );
  }
  return readFileSync(path);
}

/** A file's stats, with the usual reasons it cannot be read said plainly. */
function fileStats(path: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new Error(`cannot import '${path}': there is no such file`);
    if (code === 'EACCES') throw new Error(`cannot import '${path}': permission denied`);
    throw error;
  }
}

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      type: { type: 'string' },
      db: { type: 'string' },
      report: { type: 'string' },
    },
  });
  const [file] = positionals;
  if (!file)
    throw new Error(
      'usage: mandatemap import <file> [--dry-run] [--type actors] [--report FILE] [--db PATH]',
    );
  const config = loadConfig();
  const bytes = readImportFile(file, config.importLimits.maxBytes);
  const bar = progressBar();
  // the server's audit log, as for any write: each entity before and after, by `system`
  const audit = new AuditLog(config.auditFile);
  const report = await withService(values.db, (service) => {
    service.events.on('committed', (change: CommittedChange) => audit.record(change));
    return importFile(service, bytes, {
      filename: file,
      type: entityType(values.type),
      dryRun: values['dry-run'],
      limits: config.importLimits,
      onProgress: bar.onProgress,
    });
  }).finally(async () => {
    bar.end();
    await audit.close();
  });
  if (values.report) writeReportFile(values.report, report);
  process.stdout.write(formatReport(report, values.report));
  return report.ok ? 0 : 1;
}

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      entity: { type: 'string' },
      out: { type: 'string' },
      issue: { type: 'string' },
      jurisdiction: { type: 'string' },
      db: { type: 'string' },
    },
  });
  const [format] = positionals;
  if (!format)
    throw new Error(
      `usage: mandatemap export <${EXPORT_FORMATS.join('|')}> [--entity actors] [--out FILE] [--issue ID] [--jurisdiction ID] [--db PATH]`,
    );
  await withService(values.db, async (service) => {
    const result = await exportGraph(service, format, {
      entity: entityType(values.entity),
      scope: { issueId: values.issue, jurisdictionId: values.jurisdiction },
      names: { entity: '--entity', issueId: '--issue', jurisdictionId: '--jurisdiction' },
    });
    const target = values.out ? createWriteStream(values.out) : process.stdout;
    await pipeline(Readable.from(result.chunks), target, { end: Boolean(values.out) });
  });
  return 0;
}

/** A GraphError is the user's to fix: its message is the whole story. */
export function describeFailure(error: unknown): string {
  if (isGraphError(error)) return `${error.message} (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}

/** `mandatemap migrate [--db PATH]`: applies pending migrations and says what it did. */
export async function migrateCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' } }, strict: true });
  const config = loadConfig({ ...process.env, ...(values.db ? { MANDATEMAP_DB: values.db } : {}) });
  const outcome = await migrateStore(config);
  const where = outcome.store === 'neo4j' ? `Neo4j at ${config.neo4j?.uri}` : config.sqlitePath;
  const lines = [`${where}: ${outcome.applied.length} migration(s) applied`];
  for (const file of outcome.applied) lines.push(`  applied ${file}`);
  for (const file of outcome.alreadyApplied) lines.push(`  already applied ${file}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
