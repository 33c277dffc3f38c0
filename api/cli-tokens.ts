/** `mandatemap token create --role editor [--name N]`, `token revoke <id>`, `token list`. */
import { parseArgs } from 'node:util';
import { ROLES } from './auth/roles.js';
import type { Role } from './auth/roles.js';
import { TokenStore } from './auth/tokens.js';
import { loadConfig } from './config.js';

export async function tokenCommand(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { role: { type: 'string' }, name: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const store = new TokenStore(loadConfig().tokensFile);
  if (action === 'create') {
    const role = values.role as Role | undefined;
    if (!role || !ROLES.includes(role)) {
      process.stderr.write(`mandatemap token create: --role must be one of ${ROLES.join(', ')}\n`);
      return 2;
    }
    const { token, record } = store.create(role, values.name ?? '');
    process.stdout.write(
      `created ${record.role} token ${record.id}${record.name ? ` (${record.name})` : ''}; it is shown once, keep it safe:\n${token}\n`,
    );
    return 0;
  }
  if (action === 'revoke') {
    const id = positionals[0];
    if (!id) {
      process.stderr.write(
        'mandatemap token revoke: give the token id (see mandatemap token list)\n',
      );
      return 2;
    }
    if (!store.revoke(id)) {
      process.stderr.write(`mandatemap token revoke: no active token '${id}'\n`);
      return 1;
    }
    process.stdout.write(`revoked token ${id}\n`);
    return 0;
  }
  if (action === 'list') {
    const lines = store
      .list()
      .map(
        (t) =>
          `${t.id}  ${t.role.padEnd(6)}  ${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}  ${t.createdAt}  ${t.name}`,
      );
    process.stdout.write(
      lines.length > 0 ? `${lines.join('\n')}\n` : 'no tokens: the server serves loopback only\n',
    );
    return 0;
  }
  process.stderr.write(
    'usage: mandatemap token create --role viewer|editor|admin [--name N] | revoke <id> | list\n',
  );
  return 2;
}
