/**
 * Where the Neo4j tests run: the server at NEO4J_URI when set, else a
 * testcontainers Neo4j when a Docker engine is reachable, else nowhere, with
 * the reason. The suite wipes the database it is given, so it refuses one that
 * holds anything but its own test data.
 */
import { existsSync } from 'node:fs';
import neo4j from 'neo4j-driver';

export const NEO4J_IMAGE = 'neo4j:5.26.12-community';
/** Marks a database the tests may wipe. */
const TEST_MARK = 'MandatemapTestDatabase';

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** Empties the database (keeping the migration records) before a test. */
  wipe(): Promise<void>;
  stop(): Promise<void>;
}

export type Neo4jAvailability = { target: Neo4jTarget } | { skip: string };

function dockerPresent(): boolean {
  return Boolean(process.env.DOCKER_HOST) || existsSync('/var/run/docker.sock');
}

async function claim(
  uri: string,
  user: string,
  password: string,
  database?: string,
  stop = async () => {},
) {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  const session = () => driver.session({ database });
  const s = session();
  try {
    const marked = await s.run(`MATCH (m:${TEST_MARK}) RETURN count(m) AS n`);
    const any = await s.run('MATCH (n) WHERE NOT n:Migration RETURN count(n) AS n');
    const isMarked = neo4j.integer.toNumber(marked.records[0]!.get('n')) > 0;
    if (!isMarked && neo4j.integer.toNumber(any.records[0]!.get('n')) > 0) {
      await driver.close();
      throw new Error(
        `refusing to run the Neo4j tests against ${uri}: the database holds data and the tests wipe it; ` +
          'point NEO4J_URI at a scratch database',
      );
    }
  } finally {
    await s.close();
  }
  const target: Neo4jTarget = {
    uri,
    user,
    password,
    database,
    async wipe() {
      const w = session();
      try {
        await w.run(`MATCH (n) WHERE NOT n:Migration DETACH DELETE n`);
        await w.run(`CREATE (:${TEST_MARK})`);
      } finally {
        await w.close();
      }
    },
    async stop() {
      await driver.close();
      await stop();
    },
  };
  return target;
}

export async function neo4jAvailability(): Promise<Neo4jAvailability> {
  const uri = process.env.NEO4J_URI;
  if (uri) {
    return {
      target: await claim(
        uri,
        process.env.NEO4J_USER ?? 'neo4j',
        process.env.NEO4J_PASSWORD ?? '',
        process.env.NEO4J_DATABASE || undefined,
      ),
    };
  }
  if (!dockerPresent()) {
    return {
      skip: 'Neo4j tests skipped: NEO4J_URI is not set and no Docker engine is reachable (no DOCKER_HOST, no /var/run/docker.sock)',
    };
  }
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const container = await new Neo4jContainer(NEO4J_IMAGE).withPassword('mandatemap-test').start();
  return {
    target: await claim(
      container.getBoltUri(),
      container.getUsername(),
      container.getPassword(),
      undefined,
      async () => {
        await container.stop();
      },
    ),
  };
}
