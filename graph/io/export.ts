/** Exports of the graph: CSV per entity, JSON of the whole graph, GraphML and GEXF of the actor network. */
import { GraphError } from '../errors.js';
import { ENTITY_TYPES } from '../model/index.js';
import type { EntityType } from '../model/index.js';
import type { ScopeArgs } from '../analysis-service.js';
import type { GraphService } from '../service.js';
import { csvChunks } from './csv.js';
import { entityRows, sortedEntities } from './export-table.js';
import { networkExport, toGexf, toGraphml } from './export-network.js';
import { documentChunks } from './json.js';
import { xlsxFromState } from './xlsx.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'graphml', 'gexf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** CSV: which entities (default actor). */
  entity?: EntityType;
  /** GraphML, GEXF: the actors who need to work together in this scope (default: every actor). */
  scope?: ScopeArgs;
  /** What the caller's user calls these options, for messages (the CLI's flags); default their own names. */
  names?: Partial<Record<'entity' | keyof ScopeArgs, string>>;
}

export interface ExportResult {
  contentType: string;
  filename: string;
  /**
   * Chunks of the file, produced as they are read: a large export is never
   * whole in memory. The entities are those there when the export began.
   */
  chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>;
}

/** Formats of the actor network, the only exports a scope restricts. */
const NETWORK_FORMATS: readonly ExportFormat[] = ['graphml', 'gexf'];

/**
 * Refuses options the format does not use: an export that silently left out
 * the scope asked for would pass for a scoped one.
 */
function checkOptions(format: ExportFormat, options: ExportOptions): void {
  const named = (option: 'entity' | keyof ScopeArgs) => options.names?.[option] ?? option;
  if (options.entity !== undefined && !ENTITY_TYPES.includes(options.entity)) {
    throw new GraphError(
      'INVALID_INPUT',
      `unknown entity '${options.entity}'; one of ${ENTITY_TYPES.join(', ')}`,
      { field: 'entity' },
    );
  }
  if (options.entity !== undefined && format !== 'csv') {
    throw new GraphError(
      'INVALID_INPUT',
      `${named('entity')} chooses the table of a csv export; a ${format} export holds every entity`,
      { field: 'entity' },
    );
  }
  const scoped = Object.entries(options.scope ?? {}).filter(([, v]) => v !== undefined);
  if (scoped.length > 0 && !NETWORK_FORMATS.includes(format)) {
    throw new GraphError(
      'INVALID_INPUT',
      `${scoped.map(([k]) => named(k as keyof ScopeArgs)).join(' and ')} restrict${scoped.length === 1 ? 's' : ''} the actor network (graphml, gexf); a ${format} export holds every entity, unscoped`,
      { field: scoped[0]![0] },
    );
  }
}

export async function exportGraph(
  service: GraphService,
  formatAsked: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const format = formatAsked.trim().toLowerCase() as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    throw new GraphError(
      'INVALID_INPUT',
      `cannot export '${formatAsked}'; formats: ${EXPORT_FORMATS.join(', ')}`,
      { reason: 'UNSUPPORTED_FORMAT', format: formatAsked },
    );
  }
  checkOptions(format, options);
  const state = await service.state();
  if (format === 'json') {
    return {
      contentType: 'application/json; charset=utf-8',
      filename: 'mandatemap.json',
      chunks: documentChunks(state),
    };
  }
  if (format === 'xlsx') {
    return {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: 'mandatemap.xlsx',
      chunks: xlsxFromState(state),
    };
  }
  if (format === 'csv') {
    const entity = options.entity ?? 'actor';
    return {
      contentType: 'text/csv; charset=utf-8',
      filename: `${entity}s.csv`,
      chunks: csvChunks(entityRows(entity, sortedEntities(state, entity))),
    };
  }
  const net = await service.analysis.networkLinks(options.scope);
  const network = networkExport(net.state.entities, net);
  return format === 'graphml'
    ? {
        contentType: 'application/graphml+xml; charset=utf-8',
        filename: 'actors.graphml',
        chunks: toGraphml(network),
      }
    : {
        contentType: 'application/gexf+xml; charset=utf-8',
        filename: 'actors.gexf',
        chunks: toGexf(network),
      };
}
