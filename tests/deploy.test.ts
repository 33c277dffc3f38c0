/** The deployment files agree with the code: the Neo4j image the tests use, a non-root API image. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEO4J_IMAGE } from './helpers/neo4j-target.js';

const compose = readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8');
const dockerfile = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');

describe('deployment files', () => {
  it('compose runs the pinned Neo4j 5.26 community image the tests use', () => {
    expect(NEO4J_IMAGE).toMatch(/^neo4j:5\.26\.\d+-community$/);
    expect(compose).toContain(`image: ${NEO4J_IMAGE}`);
    expect(compose).toMatch(/healthcheck:/);
    expect(compose).toMatch(/neo4j-data:\/data/);
    expect(compose).toMatch(/NEO4J_URI: bolt:\/\/neo4j:7687/);
    expect(compose).not.toMatch(/NEO4J_AUTH: neo4j\/[^$]/);
  });

  it('the API image is built in stages and runs as a non-root user', () => {
    const stages = dockerfile.split(/^FROM /m).slice(1);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const runtime = stages.at(-1)!;
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).not.toMatch(/^RUN npm ci/m);
    expect(runtime).toContain('migrations');
    expect(runtime).toContain('viz/dist');
  });
});
