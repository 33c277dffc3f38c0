import { describe, expect, it } from 'vitest';
import { cypherProblems } from '../../../tests/helpers/cypher-lint.js';
import { allStatements } from './cypher.js';
import { readMigrations } from './migrations.js';

const adapter = allStatements();
const migrations = readMigrations().flatMap((m) =>
  m.statements.map((text, i) => ({ name: `${m.file} #${i + 1}`, text })),
);

describe('Cypher lint (offline, @neo4j-cypher/language-support)', () => {
  it('covers the adapter and the migrations', () => {
    expect(adapter.length).toBeGreaterThan(60);
    expect(migrations.length).toBeGreaterThanOrEqual(20);
  });

  it.each(adapter.map((s) => [s.name, s.text]))('adapter statement %s is clean', (_name, text) => {
    expect(cypherProblems(text)).toEqual([]);
  });

  it.each(migrations.map((s) => [s.name, s.text]))('migration %s is clean', (_name, text) => {
    expect(cypherProblems(text)).toEqual([]);
  });

  it.each([
    ['a misspelt label', 'MATCH (n:Actr {id: $key}) RETURN n', /Label Actr/],
    ['a misspelt relationship type', 'MATCH (n:Actor)-[:HOLD]->(m:Mandate) RETURN m', /HOLD/],
    ['an unknown property', 'MATCH (n:Actor) WHERE n.nmae = $key RETURN n', /'nmae'/],
    ['an undeclared parameter', 'MATCH (n:Actor {id: $actorId}) RETURN n', /actorId/],
    ['an unbound variable', 'MATCH (n:Actor) RETURN m', /not defined/],
    ['a syntax error', 'MATCH (n:Actor RETURN n', /Invalid input/],
  ])('finds %s', (_what, text, message) => {
    const problems = cypherProblems(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(message);
  });
});
