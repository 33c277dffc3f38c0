/**
 * The single mapping from errors to GraphQL `extensions.code` (API contract:
 * docs/adr/0002-error-codes.md). Unknown errors are logged in full and masked.
 */
import { GraphQLError } from 'graphql';
import mercurius from 'mercurius';
import type { MercuriusContext } from 'mercurius';
import type { ExecutionResult } from 'graphql';
import { isGraphError } from '../../graph/index.js';
import { isAccessError } from '../auth/access-error.js';
import type { GraphErrorCode } from '../../graph/index.js';

export const GRAPH_ERROR_TO_EXTENSION_CODE: Readonly<Record<GraphErrorCode, string>> = {
  INVALID_INPUT: 'BAD_USER_INPUT',
  UNKNOWN_REFERENCE: 'BAD_USER_INPUT',
  CYCLE: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  IN_USE: 'CONFLICT',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
};

/** Codes for errors that do not come from graph/. */
export const REQUEST_ERROR_CODES = {
  parse: 'GRAPHQL_PARSE_FAILED',
  validation: 'GRAPHQL_VALIDATION_FAILED',
  variables: 'BAD_USER_INPUT',
  internal: 'INTERNAL_SERVER_ERROR',
} as const;

function withExtensions(
  error: GraphQLError,
  message: string,
  extensions: Record<string, unknown>,
): GraphQLError {
  return new GraphQLError(message, {
    nodes: error.nodes,
    positions: error.positions,
    path: error.path,
    extensions,
  });
}

const VARIABLE_ERROR = /^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/;

function requestErrorCode(error: GraphQLError): string {
  if (error.message.startsWith('Syntax Error')) return REQUEST_ERROR_CODES.parse;
  if (VARIABLE_ERROR.test(error.message)) {
    return REQUEST_ERROR_CODES.variables;
  }
  return REQUEST_ERROR_CODES.validation;
}

type Log = { error: (obj: object, msg: string) => void };

/** One GraphQLError -> the same error with its stable code, or a masked internal error. */
/** Extension codes of the request-level refusals (the same codes as on the REST routes). */
export const HTTP_ERROR_CODES: Readonly<Record<number, string>> = {
  413: 'LIMIT_EXCEEDED',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** The 4xx status of an error fastify raised about the request itself, if it is one. */
export function httpStatusOf(error: unknown): number | undefined {
  const e = error as { code?: unknown; statusCode?: unknown } | undefined;
  if (typeof e?.code !== 'string' || !e.code.startsWith('FST_')) return undefined;
  return typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500
    ? e.statusCode
    : undefined;
}

/** "Did you mean ...?" names parts of the schema; it is dropped when introspection is off. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

let suggestions = true;
/** Set once by the GraphQL plugin from the configuration. */
export function setSuggestions(on: boolean): void {
  suggestions = on;
}

export function classifyError(error: GraphQLError, log: Log, requestId: string): GraphQLError[] {
  const original = error.originalError as (Error & { errors?: unknown; code?: string }) | undefined;
  if (original && Array.isArray(original.errors)) {
    return (original.errors as GraphQLError[]).flatMap((inner) =>
      classifyError(
        inner instanceof GraphQLError ? inner : new GraphQLError(String(inner)),
        log,
        requestId,
      ),
    );
  }
  const http = httpStatusOf(original);
  if (http) {
    // Fastify refused the request itself (body too large, bad JSON, wrong content type).
    return [
      withExtensions(error, original!.message, {
        code: HTTP_ERROR_CODES[http] ?? 'BAD_REQUEST',
        status: http,
      }),
    ];
  }
  if (isAccessError(original)) {
    return [
      withExtensions(error, original.message, { code: original.code, details: original.details }),
    ];
  }
  if (isGraphError(original) && !error.path && !VARIABLE_ERROR.test(error.message)) {
    // A literal in the document that a scalar refused: the document is invalid.
    return [
      withExtensions(error, error.message, {
        code: REQUEST_ERROR_CODES.validation,
        reason: original.code,
        details: original.details,
      }),
    ];
  }
  if (isGraphError(original)) {
    const code = GRAPH_ERROR_TO_EXTENSION_CODE[original.code];
    return [
      withExtensions(error, original.message, {
        code,
        reason: original.code,
        details: original.details,
      }),
    ];
  }
  if (error.extensions?.code === 'LIMIT_EXCEEDED') return [error];
  if (!original || original instanceof GraphQLError || VARIABLE_ERROR.test(error.message)) {
    const message = suggestions ? error.message : withoutSuggestions(error.message);
    return [withExtensions(error, message, { ...error.extensions, code: requestErrorCode(error) })];
  }
  log.error(
    { err: original, requestId, path: error.path },
    'unexpected error in a GraphQL request',
  );
  return [
    withExtensions(error, 'Internal server error', {
      code: REQUEST_ERROR_CODES.internal,
      requestId,
    }),
  ];
}

export function errorFormatter(
  execution: ExecutionResult & { statusCode?: number },
  ctx: MercuriusContext,
): ReturnType<typeof mercurius.defaultErrorFormatter> {
  const log = (ctx.reply?.log ?? ctx.app.log) as unknown as Log;
  const requestId = String(ctx.reply?.request?.id ?? '');
  const errors = (execution.errors ?? []).flatMap((e) => classifyError(e, log, requestId));
  const formatted = mercurius.defaultErrorFormatter({ ...execution, errors }, ctx);
  const status = errors.map((e) => e.extensions?.status).find((v) => typeof v === 'number');
  return typeof status === 'number' ? { ...formatted, statusCode: status } : formatted;
}
