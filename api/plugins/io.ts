/** POST /api/import (multipart `file`) and GET /api/export/:format. */
import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ENTITY_TYPES, GraphError, exportGraph, importFile } from '../../graph/index.js';
import type { EntityType, ScopeArgs } from '../../graph/index.js';
import type { Config } from '../config.js';
import { sendGraphError } from '../http-errors.js';
import { flagParam, readUpload } from './upload.js';

interface ImportQuery {
  dryRun?: string;
  type?: string;
}

interface ExportQuery {
  entity?: string;
  issueId?: string;
  jurisdictionId?: string;
  at?: string;
}

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
      uploads.post<{ Querystring: ImportQuery }>('/api/import', importHandler);
    });

    async function importHandler(
      request: FastifyRequest<{ Querystring: ImportQuery }>,
      reply: FastifyReply,
    ) {
      try {
        const upload = await readUpload(request, limits.maxBytes);
        const field = (name: string) => upload.fields.get(name);
        // a dry run asked for in the query or in the form is a dry run
        const dryRun =
          flagParam('dryRun', request.query.dryRun) || flagParam('dryRun', field('dryRun'));
        const type = request.query.type ?? field('type');
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

    app.get<{ Params: { format: string }; Querystring: ExportQuery }>(
      '/api/export/:format',
      async (request, reply) => {
        try {
          const { entity, at, ...place } = request.query;
          const scope: ScopeArgs = {
            ...place,
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
