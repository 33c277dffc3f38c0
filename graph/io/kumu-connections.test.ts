import { describe, expect, it } from 'vitest';
import { useSampleService } from '../../tests/helpers/sample-service.js';
import { importFile } from './import-file.js';

const sample = useSampleService();

const importConnections = (lines: string[]) =>
  importFile(sample.current, new TextEncoder().encode(lines.join('\n')), {
    filename: 'berg-connections.csv',
  });

const storedTies = async () =>
  [...(await sample.current.state()).entities.tie.values()].filter(
    (t) => t.fromId === 'wwf-sa' || t.toId === 'wwf-sa',
  );

describe('Kumu connections', () => {
  it('reads free-form types as tie kinds, takes an untyped connection for a collaboration, and reads tags', async () => {
    const report = await importConnections([
      'From,To,Type,Direction,Tags',
      'WWF South Africa,Water Research Commission,Partnership,mutual,monitoring|flows',
      'WWF South Africa,Department of Water and Sanitation,Funding,directed,',
      'Department of Water and Sanitation,WWF South Africa,Information flow,directed,',
      'WWF South Africa,Stellenbosch University,,undirected,',
      'Stellenbosch University,WWF South Africa,Reports to,directed,',
      'WWF South Africa,Wesgro,,,',
    ]);
    expect(report.errors).toEqual([]);
    expect(report.counts.created).toBe(6);
    // a mutual partnership is one collaboration: it has no direction to reverse
    expect(report.warnings.map((w) => [w.row, w.column, w.code, w.message])).toEqual([
      [
        5,
        'Type',
        'KUMU_TYPE',
        "a connection without a type is imported as 'collaborates' (and 1 more below)",
      ],
    ]);
    const kinds = (await storedTies()).map((t) => `${t.fromId} ${t.kind} ${t.toId}`).sort();
    expect(kinds).toEqual([
      'dws informs wwf-sa',
      'stellenbosch-university reports_to wwf-sa',
      'wwf-sa collaborates stellenbosch-university',
      'wwf-sa collaborates wesgro',
      'wwf-sa collaborates wrc',
      'wwf-sa funds dws',
    ]);
    const tagged = (await storedTies()).find((t) => t.toId === 'wrc');
    expect(tagged?.tags).toEqual(['monitoring', 'flows']);
  });

  it('imports every connection of a sheet without a Type column as a collaboration, saying so once', async () => {
    const report = await importConnections([
      'From,To',
      'WWF South Africa,Water Research Commission',
      'WWF South Africa,Wesgro',
    ]);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => [w.row, w.column, w.code, w.message])).toEqual([
      [1, 'Type', 'KUMU_TYPE', "no Type column: each connection is imported as 'collaborates'"],
    ]);
    expect((await storedTies()).map((t) => t.kind)).toEqual(['collaborates', 'collaborates']);
  });

  it('refuses a type that names no tie kind, rather than guess what it means', async () => {
    const report = await importConnections([
      'From,To,Type',
      'WWF South Africa,Water Research Commission,Rivalry',
    ]);
    expect(report.errors.map((e) => [e.row, e.column, e.code, e.value])).toEqual([
      [2, 'Type', 'INVALID_INPUT', 'Rivalry'],
    ]);
    expect(await storedTies()).toEqual([]);
  });

  it('says which columns are missing when the sheet has no From and To', async () => {
    const report = await importConnections(['Source node,Target node,Type', 'a,b,funds']);
    expect(report.errors.map((e) => [e.column, e.code])).toEqual([
      ['fromId', 'MISSING_COLUMN'],
      ['toId', 'MISSING_COLUMN'],
    ]);
  });
});

describe('Kumu connections as Kumu draws them', () => {
  it('makes a mutual connection of a kind with a direction a tie each way, counted as one line', async () => {
    const report = await importConnections([
      'From,To,Type,Direction',
      'WWF South Africa,Water Research Commission|Wesgro,Information flow,Mutual',
      'WWF South Africa,Department of Water and Sanitation,Funding,both ways',
    ]);
    expect(report.errors).toEqual([]);
    expect(report.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(report.warnings.map((w) => [w.row, w.column, w.code, w.value])).toEqual([
      [3, 'Direction', 'KUMU_DIRECTION', 'both ways'],
    ]);
    expect((await storedTies()).map((t) => t.id).sort()).toEqual([
      'wesgro~informs~wwf-sa',
      'wrc~informs~wwf-sa',
      'wwf-sa~funds~dws',
      'wwf-sa~informs~wesgro',
      'wwf-sa~informs~wrc',
    ]);
  });

  it('makes a connection to each element a To cell names', async () => {
    const report = await importConnections([
      'From,To,Type',
      'WWF South Africa,Water Research Commission|Wesgro,Funding',
    ]);
    expect(report.errors).toEqual([]);
    // counted as the one line it is
    expect(report.counts).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 0 });
    expect((await storedTies()).map((t) => t.id).sort()).toEqual([
      'wwf-sa~funds~wesgro',
      'wwf-sa~funds~wrc',
    ]);
  });

  it('reads strengths written as words, and says which it cannot read', async () => {
    const report = await importConnections([
      'From,To,Type,Strength',
      'WWF South Africa,Water Research Commission,funds,Strong',
      'WWF South Africa,Wesgro,funds,weak',
      'WWF South Africa,Stellenbosch University,funds,"It\'s complicated"',
      'WWF South Africa,Department of Water and Sanitation,funds,2',
    ]);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => [w.row, w.column, w.code, w.value])).toEqual([
      [4, 'Strength', 'KUMU_STRENGTH', "It's complicated"],
    ]);
    const strengths = Object.fromEntries((await storedTies()).map((t) => [t.toId, t.strength]));
    expect(strengths).toEqual({ wrc: 3, wesgro: 1, 'stellenbosch-university': 1, dws: 2 });
    const outOfRange = await importConnections([
      'From,To,Type,Strength',
      'WWF South Africa,Wesgro,informs,5',
    ]);
    expect(outOfRange.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'Strength', 'INVALID_INPUT'],
    ]);
  });

  it('does not take the name of a built-in property for a strength word', async () => {
    const report = await importConnections([
      'From,To,Type,Strength',
      'WWF South Africa,Wesgro,informs,constructor',
    ]);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => [w.code, w.value])).toEqual([
      ['KUMU_STRENGTH', 'constructor'],
    ]);
  });
});
