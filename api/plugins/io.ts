/** POST /api/import (multipart `file`) and GET /api/export/:format. */
import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ENTITY_TYPES, GraphError, exportGraph, importFile, isIsoDate } from '../../graph/index.js';
import type { EntityType, ScopeArgs } from '../../graph/index.js';
import type { Config } from '../config.js';
import { sendGraphError } from '../http-errors.js';
import { readParams } from './params.js';
import { flagParam, readUpload } from './upload.js';

type Query = Record<string, string | string[] | undefined>;

const IMPORT_PARAMETERS = ['dryRun', 'type'] as const;
const EXPORT_PARAMETERS = ['entity', 'issueId', 'jurisdictionId', 'at'] as const;

const TYPE_BY_NAME = new Map<string, EntityType>(
  ENTITY_TYPES.flatMap(
    (t) =>
      [
        [t, t],
        [`${t}s`, t],
      ] as [string, EntityType][],
  ),
);

function entityParam(value: string | undefined): EntityType | undefined {
  if (value === undefined) return undefined;
  const type = TYPE_BY_NAME.get(value.trim().toLowerCase());
  if (!type)
    throw new GraphError(
      'INVALID_INPUT',
      `unknown entity type '${value}'; one of ${ENTITY_TYPES.join(', ')}`,
      { field: 'type' },
    );
  return type;
}

export const ioPlugin = fp<{ config: Config }>(
  async (app, { config }) => {
    const limits = config.importLimits;
    // Multipart (its parser and its per-request hooks) only where files are taken.
    await app.register(async (uploads) => {
      await uploads.register(multipart, {
        limits: { fileSize: limits.maxBytes, files: 1, fields: 10 },
      });
      uploads.post<{ Querystring: Query }>('/api/import', importHandler);
    });

    async function importHandler(
      request: FastifyRequest<{ Querystring: Query }>,
      reply: FastifyReply,
    ) {
      try {
        // an unknown query parameter is refused before the body is read
        readParams('/api/import', IMPORT_PARAMETERS, Object.entries(request.query));
        const upload = await readUpload(request, limits.maxBytes);
        // a dry run asked for in the query or in the form is a dry run
        const params = readParams(
          '/api/import',
          IMPORT_PARAMETERS,
          Object.entries(request.query),
          upload.fields,
        );
        const dryRun = flagParam('dryRun', params.dryRun);
        const type = params.type;
        const report = await importFile(app.graph, upload.bytes, {
          filename: upload.filename,
          type: entityParam(type),
          dryRun,
          limits,
          author: request.principal,
        });
        return reply.code(report.ok ? 200 : 422).send(report);
      } catch (error) {
        return sendGraphError(reply, error);
      }
    }

    app.get<{ Params: { format: string }; Querystring: Query }>(
      '/api/export/:format',
      async (request, reply) => {
        try {
          const { entity, at, issueId, jurisdictionId } = readParams(
            '/api/export/:format',
            EXPORT_PARAMETERS,
            Object.entries(request.query),
          );
          if (at !== undefined && at !== 'any' && !isIsoDate(at)) {
            throw new GraphError(
              'INVALID_INPUT',
              `at must be a date written yyyy-mm-dd, or 'any'; not '${at}'`,
              { field: 'at' },
            );
          }
          const scope: ScopeArgs = {
            ...(issueId === undefined ? {} : { issueId }),
            ...(jurisdictionId === undefined ? {} : { jurisdictionId }),
            ...(at === undefined ? {} : { at: at === 'any' ? null : at }),
          };
          const result = await exportGraph(app.graph, request.params.format, {
            entity: entityParam(entity),
            scope,
          });
          reply.header('content-type', result.contentType);
          reply.header('content-disposition', `attachment; filename="${result.filename}"`);
          return reply.send(Readable.from(result.chunks));
        } catch (error) {
          return sendGraphError(reply, error);
        }
      },
    );
  },
  { name: 'mandatemap-io', dependencies: ['mandatemap-graph'] },
);
