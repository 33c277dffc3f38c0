/**
 * Where a Docker engine is reachable, the Neo4j contract suite starts its
 * server with testcontainers. Here it skips; this test loads that tooling
 * anyway, so that a version that does not run on this Node (testcontainers
 * 12.0.2 on, through undici 8, needs Node 22) fails here and not only on a
 * machine with Docker.
 */
import { describe, expect, it } from 'vitest';

describe('Neo4j test tooling', () => {
  it('loads testcontainers on this Node', async () => {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    expect(typeof Neo4jContainer).toBe('function');
  });
});
