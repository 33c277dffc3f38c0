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
    expect(report.warnings.map((w) => [w.row, w.column, w.code, w.message])).toEqual([
      [1, 'Direction', 'UNKNOWN_COLUMN', "column 'Direction' is not read for ties"],
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
