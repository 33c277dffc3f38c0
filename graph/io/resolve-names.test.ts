import { describe, expect, it } from 'vitest';
import { dryRunText, useSampleService } from '../../tests/helpers/sample-service.js';

const sample = useSampleService();

describe('a cell that names several entities where one is taken', () => {
  it('says so, with the ids it names, rather than call the value unknown', async () => {
    const mandates = await dryRunText(
      sample.current,
      'mandates.csv',
      'title,function,strength,holder,issues,places\n' +
        'Joint monitoring,monitor,core,dws|Water Research Commission,water-quality,berg-river-catchment\n' +
        'Other monitoring,monitor,core,dws;nobody,water-quality,berg-river-catchment\n',
    );
    expect(mandates.errors.map((e) => [e.row, e.column, e.code, e.message])).toEqual([
      [
        2,
        'holder',
        'INVALID_INPUT',
        "'dws|Water Research Commission' names 2 actors (dws, wrc), but a mandate has one holder: give each holder a row of its own, with its own id",
      ],
      // one part names nothing: the value as a whole is unknown
      [3, 'holder', 'UNKNOWN_REFERENCE', "no actor has the id or the name 'dws;nobody'"],
    ]);
    const actors = await dryRunText(
      sample.current,
      'actors.csv',
      'name,kind,sector,parent\nMonitoring unit,department,public,dws|wrc\n',
    );
    expect(actors.errors.map((e) => e.message)).toEqual([
      "'dws|wrc' names 2 actors (dws, wrc), but an actor takes one actor here",
    ]);
  });
});
