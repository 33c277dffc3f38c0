/** Refusals of access: UNAUTHENTICATED (no or bad token, HTTP 401) and FORBIDDEN (role too low, 403). */
import type { Role } from './roles.js';

export type AccessCode = 'UNAUTHENTICATED' | 'FORBIDDEN';

export class AccessError extends Error {
  override readonly name = 'AccessError';
  constructor(
    readonly code: AccessCode,
    message: string,
    readonly details: { need?: Role; have?: Role; field?: string } = {},
  ) {
    super(message);
  }

  get status(): number {
    return this.code === 'UNAUTHENTICATED' ? 401 : 403;
  }
}

export function isAccessError(value: unknown): value is AccessError {
  return value instanceof AccessError;
}
