import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { useSampleService } from '../../tests/helpers/sample-service.js';
import { exportBytes } from '../../tests/helpers/export-bytes.js';
import { isGraphError } from '../errors.js';
import { emptyLists, stateFromSnapshot } from '../model/index.js';
import type { Actor } from '../model/index.js';
import { csvChunks, parseCsv } from './csv.js';
import { exportGraph } from './export.js';
import { documentChunks, documentFromState } from './json.js';
import { xlsxFromState } from './xlsx.js';

const sample = useSampleService();

describe('streamed exports', () => {
  it('write the JSON document a few entities at a time, as JSON.stringify would whole', async () => {
    const state = await sample.current.state();
    const chunks = [...documentChunks(state, 3)];
    expect(chunks.length).toBeGreaterThan(20);
    expect(chunks.join('')).toBe(JSON.stringify(documentFromState(state), null, 2));
    const empty = stateFromSnapshot({ version: 0, entities: emptyLists() });
    expect([...documentChunks(empty)].join('')).toBe(
      JSON.stringify(documentFromState(empty), null, 2),
    );
  });

  it('write CSV a few rows at a time: a byte-order mark first, every row whole', () => {
    const rows = [['id', 'name'], ...Array.from({ length: 9 }, (_, i) => [`a${i}`, `A, "${i}"`])];
    const chunks = [...csvChunks(rows, ',', 4)];
    expect(chunks).toHaveLength(3);
    expect(chunks[0]!.startsWith('\uFEFFid,name\r\n')).toBe(true);
    for (const chunk of chunks) expect(chunk.endsWith('\r\n')).toBe(true);
    expect(parseCsv(chunks.join('')).rows).toEqual(rows);
  });

  it.each(['csv', 'json', 'xlsx', 'graphml', 'gexf'])(
    '%s shows the graph as it was when the export began, whatever is written meanwhile',
    async (format) => {
      const result = await exportGraph(sample.current, format);
      // written after the export began, before its first chunk is read
      await sample.current.update('actor', 'dws', { name: 'Renamed During Export' });
      await sample.current.create('actor', {
        name: 'Created During Export',
        kind: 'ngo',
        sector: 'civil_society',
      });
      const bytes = await exportBytes(result);
      const text =
        format === 'xlsx' ? JSON.stringify(await sheetValues(bytes, 'actors')) : bytes.toString();
      expect(text).toContain('Department of Water and Sanitation');
      expect(text).not.toContain('During Export');
    },
  );

  it('streams a workbook in many chunks, and stops writing when the reader stops', async () => {
    const state = await sample.current.state();
    const chunks: Buffer[] = [];
    for await (const chunk of xlsxFromState(state)) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    expect(await sheetValues(Buffer.concat(chunks), 'mandates')).toHaveLength(
      state.entities.mandate.size + 1,
    );
    // a reader that leaves after one chunk: the writer ends instead of hanging
    for await (const chunk of xlsxFromState(state)) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
  });

  it('refuses a workbook with more rows in a sheet than it holds, before writing any', async () => {
    const state = await sample.current.state();
    const actors = state.entities.actor.size;
    expect(Math.max(...Object.values(state.entities).map((m) => m.size))).toBe(actors);
    expect(() => xlsxFromState(state, actors + 1)).not.toThrow();
    let error: unknown;
    try {
      xlsxFromState(state, actors);
    } catch (caught) {
      error = caught;
    }
    expect(isGraphError(error) && error.code).toBe('LIMIT_EXCEEDED');
    expect((error as Error).message).toBe(
      `there are ${actors} actors, more than a sheet holds (${actors - 1} below its header): export them as CSV instead`,
    );
  });

  it('refuses a workbook with a list longer than a cell holds, naming it, before writing any', async () => {
    const sampleState = await sample.current.state();
    const [mandate] = sampleState.entities.mandate.values();
    // ids of 7 characters and a separator: 4,096 of them fill a cell exactly (32,767)
    const withPlaces = (n: number) =>
      stateFromSnapshot({
        version: 1,
        entities: {
          ...emptyLists(),
          mandate: [
            {
              ...mandate!,
              jurisdictionIds: Array.from(
                { length: n },
                (_, i) => `p-${String(i).padStart(5, '0')}`,
              ),
            },
          ],
        },
      });
    const chunks: Buffer[] = [];
    for await (const chunk of xlsxFromState(withPlaces(4096))) chunks.push(chunk);
    const [, row] = await sheetValues(Buffer.concat(chunks), 'mandates');
    const cell = row!.find((value) => String(value).startsWith('p-00000|'));
    expect(String(cell)).toHaveLength(32_767);
    expect(String(cell).split('|')).toHaveLength(4096);

    let error: unknown;
    try {
      xlsxFromState(withPlaces(4097));
    } catch (caught) {
      error = caught;
    }
    expect(isGraphError(error) && error.code).toBe('LIMIT_EXCEEDED');
    expect((error as Error).message).toBe(
      `mandate '${mandate!.id}' has 32,775 characters of jurisdictionIds, more than a spreadsheet cell holds (32,767): export as JSON or CSV instead`,
    );
    expect(isGraphError(error) && error.details).toMatchObject({
      entity: 'mandate',
      id: mandate!.id,
      field: 'jurisdictionIds',
      cells: 1,
    });
  });

  it('gives the exported bytes whole to a reader that collects them', async () => {
    const csv = (await exportBytes(await exportGraph(sample.current, 'csv'))).toString();
    expect(csv.split('\r\n').length - 2).toBe((await sample.current.state()).entities.actor.size);
  });
});

/** Every element of an XML document with its attributes and text, read by a conforming parser (throws if not well formed). */
function xmlElements(
  xml: string,
): { name: string; attributes: Record<string, string>; text: string }[] {
  const parser = new SaxesParser({ xmlns: false });
  const elements: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const open: (typeof elements)[number][] = [];
  parser.on('opentag', (tag) => {
    const element = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      text: '',
    };
    elements.push(element);
    open.push(element);
  });
  parser.on('text', (text) => {
    if (open.length > 0) open[open.length - 1]!.text += text;
  });
  parser.on('closetag', () => open.pop());
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  return elements;
}

describe('network exports', () => {
  const names = [
    '<b>Water & "Sanitation"</b> \'Dept\'',
    'Two\nlines,\ta tab and\r\na CRLF',
    'Emoji 🌊 and 中文, a bell \u0007, a lone \ud800 surrogate',
  ];

  it.each(['graphml', 'gexf'])(
    '%s is well formed and holds every name as given, less what XML cannot hold',
    async (format) => {
      for (const [i, name] of names.entries()) {
        const actor = { id: `odd-${i}`, name, kind: 'ngo', sector: 'public' };
        // input refuses a lone surrogate now; a store may hold one from before
        if (name.isWellFormed()) await sample.current.create('actor', actor);
        else {
          const entity = { ...actor, tags: [] } as Actor;
          await sample.current.store.write({ upserts: [{ type: 'actor', entity }], deletes: [] });
        }
      }
      const xml = (await exportBytes(await exportGraph(sample.current, format))).toString('utf8');
      const elements = xmlElements(xml);
      const nameOf = (id: string) =>
        format === 'gexf'
          ? elements.find((e) => e.name === 'node' && e.attributes.id === id)?.attributes.label
          : elements[elements.findIndex((e) => e.name === 'node' && e.attributes.id === id) + 1]
              ?.text;
      expect(names.map((_, i) => nameOf(`odd-${i}`))).toEqual([
        names[0],
        names[1],
        'Emoji 🌊 and 中文, a bell , a lone  surrogate',
      ]);
    },
  );
});

/** The values of one sheet of a workbook, row by row. */
async function sheetValues(bytes: Buffer, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
