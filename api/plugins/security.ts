/**
 * HTTP hardening: security headers with a CSP the map satisfies (no inline
 * script or style), rate limits per token (or per client without one), load
 * shedding with 503 + Retry-After, and CORS only for a configured origin.
 */
import cors from '@fastify/cors';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import fp from 'fastify-plugin';
import { bearer } from './auth.js';
import type { Config } from '../config.js';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

export const securityPlugin = fp<{ config: Config }>(
  async (app, { config }) => {
    // Helmet's headers, worked out once (its fastify wrapper rebuilds them for every request).
    const headers = helmet({
      contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY },
      crossOriginEmbedderPolicy: false,
    });
    app.addHook('onRequest', (request, reply, done) => {
      headers(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
    });
    // GraphiQL (off unless enabled) loads its own scripts and styles: no CSP on that page.
    if (config.graphiql) {
      app.addHook('onSend', async (request, reply, payload) => {
        if (request.url.startsWith('/graphiql')) reply.removeHeader('content-security-policy');
        return payload;
      });
    }
    if (config.corsOrigin) {
      await app.register(cors, {
        origin: config.corsOrigin,
        allowedHeaders: ['authorization', 'content-type'],
      });
    }
    await app.register(rateLimit, {
      max: config.rateLimit,
      timeWindow: '1 minute',
      // The x-ratelimit-* headers go on 429 answers (with Retry-After), not on every answer.
      addHeadersOnExceeding: {
        'x-ratelimit-limit': false,
        'x-ratelimit-remaining': false,
        'x-ratelimit-reset': false,
      },
      // A valid token has its own budget; anything else (no token, a made-up one) counts against the address.
      keyGenerator: (request) => {
        const token = bearer(request.headers.authorization);
        const principal = token ? app.tokens?.verify(token) : undefined;
        return principal ? `token:${principal.tokenId}` : `ip:${request.ip}`;
      },
      allowList: (request) => request.url === '/healthz' || request.url === '/readyz',
      // Thrown as an error: /graphql's handler and the app's handler both format it.
      errorResponseBuilder: (_request, context) =>
        Object.assign(
          new Error(
            `too many requests: at most ${context.max} a minute; try again in ${context.after}`,
          ),
          { statusCode: 429, code: 'FST_RATE_LIMITED' },
        ),
    });
    await app.register(underPressure, {
      maxEventLoopDelay: config.maxEventLoopDelayMs,
      retryAfter: 5,
      exposeStatusRoute: false,
      pressureHandler: (_request, reply, type, value) => {
        reply
          .code(503)
          .header('retry-after', '5')
          .send({
            error: {
              code: 'OVERLOADED',
              reason: 'OVERLOADED',
              message: `the server is overloaded (${type}${value ? `: ${value}` : ''}); try again in 5 seconds`,
            },
          });
      },
    });
  },
  { name: 'mandatemap-security', fastify: '5.x' },
);
