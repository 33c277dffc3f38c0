/**
 * API tokens: `mm_<id>_<secret>`. Only a SHA-256 of the secret is kept (in a
 * JSON file, mode 0600); a presented token is hashed and compared in constant
 * time. Revocation takes effect within a second, without a restart.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ROLES } from './roles.js';
import type { Role } from './roles.js';

const TokenRecordSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{12}$/),
  name: z.string().max(200).default(''),
  role: z.enum(ROLES),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  revokedAt: z.string().optional(),
});
export type TokenRecord = z.infer<typeof TokenRecordSchema>;
const TokenFileSchema = z.object({ tokens: z.array(TokenRecordSchema) });

const TOKEN_PATTERN = /^mm_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface Principal {
  role: Role;
  /** The token's id, or 'local' when no tokens are configured (loopback only). */
  tokenId: string;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

export class TokenStore {
  private records: TokenRecord[] = [];
  private loadedMtime = -1;
  private checkedAt = 0;

  constructor(readonly path: string) {
    this.reload();
  }

  /** Re-reads the file when it changed (checked at most once a second). */
  private reload(force = false): void {
    const now = Date.now();
    if (!force && now - this.checkedAt < 1_000) return;
    this.checkedAt = now;
    if (!existsSync(this.path)) {
      this.records = [];
      this.loadedMtime = -1;
      return;
    }
    const mtime = statSync(this.path).mtimeMs;
    if (!force && mtime === this.loadedMtime) return;
    const parsed = TokenFileSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
    if (!parsed.success) throw new Error(`the token file ${this.path} is not valid`);
    this.records = parsed.data.tokens;
    this.loadedMtime = mtime;
  }

  private save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ tokens: this.records }, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.path);
    this.reload(true);
  }

  /** True when at least one token is active: the server then requires one on every request. */
  hasActiveTokens(): boolean {
    this.reload();
    return this.records.some((r) => !r.revokedAt);
  }

  list(): Omit<TokenRecord, 'hash'>[] {
    this.reload(true);
    return this.records.map(({ hash: _hash, ...rest }) => rest);
  }

  /** Creates a token and returns it in clear: the only time it is shown. */
  create(role: Role, name = ''): { token: string; record: Omit<TokenRecord, 'hash'> } {
    this.reload(true);
    const id = randomBytes(6).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const record: TokenRecord = {
      id,
      name,
      role,
      hash: sha256(secret).toString('hex'),
      createdAt: new Date().toISOString(),
    };
    this.records.push(record);
    this.save();
    const { hash: _hash, ...shown } = record;
    return { token: `mm_${id}_${secret}`, record: shown };
  }

  revoke(id: string): boolean {
    this.reload(true);
    const record = this.records.find((r) => r.id === id && !r.revokedAt);
    if (!record) return false;
    record.revokedAt = new Date().toISOString();
    this.save();
    return true;
  }

  /** The principal a presented token stands for, or undefined (malformed, unknown or revoked). */
  verify(presented: string): Principal | undefined {
    this.reload();
    const match = TOKEN_PATTERN.exec(presented);
    // Hash even a malformed token, so a rejection takes as long as a check.
    const digest = sha256(match?.[2] ?? presented);
    const record = match ? this.records.find((r) => r.id === match[1]) : undefined;
    const expected = record ? Buffer.from(record.hash, 'hex') : Buffer.alloc(32);
    const same = timingSafeEqual(digest, expected);
    if (!record || !same || record.revokedAt) return undefined;
    return { role: record.role, tokenId: record.id };
  }
}
