#!/usr/bin/env node
/** The mandatemap command. `mandatemap serve [--port N] [--host H] [--empty] [--db PATH]`. */
import { parseArgs } from 'node:util';
import { benchCommand } from './cli-bench.js';
import { tokenCommand } from './cli-tokens.js';
import { loadConfig } from './config.js';
import { describeFailure, exportCommand, importCommand, migrateCommand } from './cli-io.js';
import { EXPORT_FORMATS, SUPPORTED_IMPORT_FORMATS } from '../graph/index.js';
import { startServer } from './server.js';

/** "a, b or c" */
const listed = (items: readonly string[]) =>
  `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

const USAGE = `usage: mandatemap <command> [options]

commands:
  serve     start the API and the map (default 127.0.0.1:4000)
              --port N     port to listen on
              --host H     address to bind
              --db PATH    SQLite file (default ./data/mandatemap.db, or MANDATEMAP_DB)
              --empty      do not load the Berg River sample into an empty store
  import    import a file (${listed(SUPPORTED_IMPORT_FORMATS)}; Kumu exports too) into the store, all or nothing
              mandatemap import <file> [--dry-run] [--type actors] [--report FILE] [--db PATH]
              (--report: every problem, as CSV, or JSON when FILE ends in .json)
  export    write the graph out: ${listed(EXPORT_FORMATS)} (csv: one entity; graphml, gexf: the actor network)
              mandatemap export <format> [--entity actors] [--out FILE] [--issue ID] [--jurisdiction ID] [--db PATH]
  token     API tokens: token create --role viewer|editor|admin [--name N], token revoke <id>, token list
              (tokens are stored hashed in MANDATEMAP_TOKENS_FILE, default ./data/tokens.json)
  bench     run the benchmarks (from a clone): mandatemap bench [analysis|import|viz|load ...]
  migrate   bring the store's schema up to date (Neo4j: applies migrations/; also done at start-up)
  help      this text

The store is the embedded SQLite file unless NEO4J_URI is set (with NEO4J_USER,
NEO4J_PASSWORD and NEO4J_DATABASE): then it is that Neo4j server.
`;

async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      empty: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const config = loadConfig({
    ...process.env,
    ...(values.port ? { MANDATEMAP_PORT: values.port } : {}),
    ...(values.host ? { MANDATEMAP_HOST: values.host } : {}),
    ...(values.db ? { MANDATEMAP_DB: values.db } : {}),
  });
  await startServer(config, { sample: !values.empty });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'serve':
      await serve(rest);
      return -1;
    case 'import':
      return importCommand(rest);
    case 'export':
      return exportCommand(rest);
    case 'migrate':
      return migrateCommand(rest);
    case 'token':
      return tokenCommand(rest);
    case 'bench':
      return benchCommand(rest);
    default:
      process.stderr.write(`mandatemap: unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`mandatemap: ${describeFailure(error)}\n`);
    process.exit(1);
  },
);
