import { describe, expect, it } from 'vitest';
import { useSampleService } from '../../tests/helpers/sample-service.js';
import { importFile } from './import-file.js';
import { zipOf } from '../../tests/helpers/zip.js';
import { isDateFormat } from './xlsx-parts.js';
import { tablesFromXlsx } from './xlsx-read.js';
import { columnOf } from './xlsx-sheet.js';
import { zipEntries } from './zip.js';

const sample = useSampleService();

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface Part {
  name: string;
  xml: string;
}

/** Hand-written workbook parts, as writers other than exceljs save them, zipped. */
function read(parts: Part[], limits = { maxRows: 1000, maxColumns: 50 }) {
  const entries = zipEntries(
    zipOf(parts.map(({ name, xml }) => ({ name, data: Buffer.from(xml, 'utf8') }))),
  );
  return tablesFromXlsx(entries, { ...limits, maxPartBytes: 10 * 1024 * 1024 });
}

const rootRels: Part = {
  name: '_rels/.rels',
  xml: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
};

function workbookRels(): Part {
  return {
    name: 'xl/_rels/workbook.xml.rels',
    xml: `<Relationships xmlns="${REL}">
      <Relationship Id="rS" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>
      <Relationship Id="rT" Type="${R}/worksheet" Target="/xl/worksheets/sheet2.xml"/>
      <Relationship Id="rC" Type="${R}/chartsheet" Target="chartsheets/sheet1.xml"/>
      <Relationship Id="rSS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>
      <Relationship Id="rSt" Type="${R}/styles" Target="styles.xml"/>
    </Relationships>`,
  };
}

function workbookXml(pr = ''): Part {
  return {
    name: 'xl/workbook.xml',
    xml: `<x:workbook xmlns:x="${NS}" xmlns:r="${R}">${pr}<x:sheets>
      <x:sheet name="actors" sheetId="2" r:id="rT"/>
      <x:sheet name="Chart" sheetId="3" r:id="rC"/>
      <x:sheet name="levels" sheetId="1" r:id="rS"/>
    </x:sheets></x:workbook>`,
  };
}

const styles: Part = {
  name: 'xl/styles.xml',
  xml: `<styleSheet xmlns="${NS}">
    <numFmts count="3">
      <numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>
      <numFmt numFmtId="165" formatCode="0.0&quot; days&quot;"/>
      <numFmt numFmtId="166" formatCode="#,##0\\ \\m"/>
    </numFmts>
    <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
    <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="166"/></cellXfs>
  </styleSheet>`,
};

const sharedStrings: Part = {
  name: 'xl/sharedStrings.xml',
  xml: `<sst xmlns="${NS}">
    <si><t>name</t></si>
    <si><r><t>Berg </t></r><r><rPr><b/></rPr><t xml:space="preserve">River Trust</t></r></si>
    <si><t>東京都</t><rPh sb="0" eb="3"><t>トウキョウト</t></rPh></si>
    <si><t>line one_x000D_
line two, _x005F_x000D_ kept</t></si>
    <si><t>kind</t></si>
  </sst>`,
};

function sheet(name: string, body: string, after = ''): Part {
  return {
    name,
    xml: `<worksheet xmlns="${NS}"><sheetData>${body}</sheetData>${after}</worksheet>`,
  };
}

const levels = sheet(
  'xl/worksheets/sheet1.xml',
  '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>',
);

const ACTORS = 'xl/worksheets/sheet2.xml';

/** A workbook of these parts, with an actors sheet of `rows` (then `after`, such as merged ranges). */
function book(rows: string, after = '', workbookPr = ''): Part[] {
  const actors = sheet(ACTORS, rows, after);
  return [rootRels, workbookRels(), workbookXml(workbookPr), styles, sharedStrings, levels, actors];
}

/** The actors sheet of such a workbook, as read. */
function actorsTable(rows: string, after = '', workbookPr = '') {
  return read(book(rows, after, workbookPr))[0]!.table;
}

describe('reading a workbook straight from its parts', () => {
  it('reads the worksheets in tab order, by their relationships, and leaves chart sheets out', () => {
    const sheets = read(book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'));
    expect(sheets.map((s) => [s.name, s.type, s.table.rows])).toEqual([
      ['actors', 'actor', [['name']]],
      ['levels', 'level', [['id']]],
    ]);
  });

  it('reads a workbook saved as Strict Open XML (other namespaces, same parts)', () => {
    const strict = book('<row r="1"><c r="A1" s="1"><v>45352</v></c></row>').map((part) => ({
      ...part,
      xml: part.xml
        .replaceAll(R, 'http://purl.oclc.org/ooxml/officeDocument/relationships')
        .replaceAll(NS, 'http://purl.oclc.org/ooxml/spreadsheetml/main'),
    }));
    expect(strict.some((part) => part.xml.includes(R))).toBe(false);
    expect(read(strict).map((s) => [s.name, s.table.rows])).toEqual([
      ['actors', [['2024-03-01']]],
      ['levels', [['id']]],
    ]);
  });

  it('finds a part whatever the case of its name, or a zip written with backslashes', () => {
    const parts = book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>').map((part) =>
      part.name === ACTORS ? { ...part, name: 'XL\\Worksheets\\Sheet2.xml' } : part,
    );
    expect(read(parts)[0]!.table.rows).toEqual([['name']]);
  });

  it('reads a workbook of chart sheets only as no sheets, which the import warns of', async () => {
    const charts = book('').map((part) =>
      part.name === 'xl/workbook.xml'
        ? { ...part, xml: part.xml.replace(/<x:sheet name="(actors|levels)"[^>]*\/>/g, '') }
        : part,
    );
    expect(read(charts)).toEqual([]);
    const bytes = zipOf(charts.map(({ name, xml }) => ({ name, data: Buffer.from(xml) })));
    const report = await importFile(sample.current, bytes, {
      filename: 'charts.xlsx',
      dryRun: true,
    });
    expect(report).toMatchObject({ ok: true, counts: { created: 0, rejected: 0 } });
    expect(report.warnings).toEqual([
      expect.objectContaining({
        code: 'EMPTY_SHEET',
        message: 'the workbook has no worksheet: nothing to import',
      }),
    ]);
  });

  it('reads strings shared and inline, runs joined, phonetic guides left out, escapes undone', () => {
    const table = actorsTable(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>4</v></c></row>
       <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><r><t>n</t></r><r><rPr><i/></rPr><t>go</t></r></is></c></row>
       <row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="inlineStr"><is><t>&lt;public&gt; &amp; "more"</t></is></c></row>
       <row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" t="inlineStr"><is><t>Word_x000B_break _x005F_x0041_</t></is></c></row>`,
    );
    expect(table.rows).toEqual([
      ['name', 'kind'],
      ['Berg River Trust', 'ngo'],
      ['東京都', '<public> & "more"'],
      ['line one\r\nline two, _x000D_ kept', 'Word\u000Bbreak _x0041_'],
    ]);
  });

  it('reads numbers, dates by their style, booleans, ISO dates and formula results as text', () => {
    const table = actorsTable(
      `<row r="1"><c r="A1"><v>1.5</v></c><c r="B1" s="1"><v>45352</v></c><c r="C1" s="2"><v>3</v></c><c r="D1" s="3"><v>46022.75</v></c><c r="E1" s="4"><v>1200</v></c></row>
       <row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="d"><v>2024-03-01T00:00:00</v></c><c r="D2"><v>1E-3</v></c></row>
       <row r="3"><c r="A3" t="str"><f>CONCATENATE("a","_x000D_")</f><v>a_x000D_</v></c><c r="B3"><f>2+3</f><v>5</v></c><c r="C3" t="str"><f>""</f><v></v></c><c r="D3"><f t="shared" si="0"/><v>7</v></c><c r="E3" s="1"><f>DATE(2025,12,31)</f><v>46022</v></c><c r="F3"><f>2-2</f><v>0</v></c><c r="G3" t="b"><f aca="false">FALSE()</f><v>0</v></c></row>`,
    );
    expect(table.rows).toEqual([
      ['1.5', '2024-03-01', '3', '2025-12-31', '1200', '', ''],
      ['true', 'false', '2024-03-01', '0.001', '', '', ''],
      // results of "", 0 and FALSE are results (exceljs's reader took them for none)
      // a text result is read as written: LibreOffice and XlsxWriter do not escape it
      ['a_x000D_', '5', '', '7', '2025-12-31', '0', 'false'],
    ]);
    expect(table.unreadable).toBeUndefined();
  });

  it('counts day numbers from 1904 when the workbook says so', () => {
    const date = '<row r="1"><c r="A1" s="1"><v>43890</v></c></row>';
    expect(actorsTable(date, '', '<x:workbookPr date1904="1"/>').rows).toEqual([['2024-03-01']]);
    expect(actorsTable(date).rows).toEqual([['2020-02-29']]);
  });

  it('marks error values and formulas saved without a result unreadable, at their cells', () => {
    const table = actorsTable(
      `<row r="1"><c r="A1" t="s"><v>0</v></c></row>
       <row r="3"><c r="A3" t="e"><v>#N/A</v></c><c r="C3"><f>A1*2</f></c><c r="D3" t="s"><v>99</v></c><c r="E3"><f t="shared" si="0"/></c><c r="F3"><f>2-2</f><v></v></c></row>`,
    );
    expect(table.rows).toEqual([
      ['name', '', '', '', '', ''],
      ['', '', '', '', '', ''],
    ]);
    expect(table.lines).toEqual([1, 3]);
    expect([...table.unreadable!]).toEqual([
      ['1:0', 'the cell holds the error #N/A'],
      [
        '1:2',
        'the formula was saved without its result; open the workbook in a spreadsheet and save it again',
      ],
      ['1:3', 'the cell points to a shared string the workbook does not hold'],
      // a shared formula's other cells give the formula no text of their own
      ['1:4', expect.stringMatching(/^the formula was saved without its result/)],
      // an empty value that is no text result, as openpyxl saves a formula it cannot work out
      ['1:5', expect.stringMatching(/^the formula was saved without its result/)],
    ]);
  });

  it('places cells and rows that give no reference after the ones before them', () => {
    const table = actorsTable(
      `<row r="2"><c t="inlineStr"><is><t>a</t></is></c><c r="C2" t="inlineStr"><is><t>c</t></is></c><c t="inlineStr"><is><t>d</t></is></c></row>
       <row><c t="inlineStr"><is><t>next</t></is></c></row><row r="9"><c r="B9" s="1"/></row>`,
    );
    expect(table.rows).toEqual([
      ['a', '', 'c', 'd'],
      ['next', '', '', ''],
    ]);
    expect(table.lines).toEqual([2, 3]);
  });

  it("gives a merged range's value to its cells in rows that hold anything else", () => {
    const table = actorsTable(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>sector</t></is></c></row>
       <row r="2"><c r="A2" t="inlineStr"><is><t>Drakenstein</t></is></c><c r="B2" t="inlineStr"><is><t>public</t></is></c></row>
       <row r="3"><c r="A3" t="inlineStr"><is><t>Stellenbosch</t></is></c><c r="B3" s="1"/></row>
       <row r="4"><c r="A4" t="inlineStr"><is><t>Witzenberg</t></is></c><c r="B4" t="inlineStr"><is><t>own</t></is></c></row>`,
      '<mergeCells count="1"><mergeCell ref="B2:D6"/></mergeCells>',
    );
    expect(table.rows).toEqual([
      ['name', 'sector'],
      ['Drakenstein', 'public'],
      ['Stellenbosch', 'public'],
      ['Witzenberg', 'own'],
    ]);
  });

  it('stops at the first row or column past the limits', () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    expect(read(book(rows), { maxRows: 11, maxColumns: 5 })[0]!.table.rows).toHaveLength(12);
    expect(() => read(book(rows), { maxRows: 10, maxColumns: 5 })).toThrow(
      expect.objectContaining({
        code: 'LIMIT_EXCEEDED',
        message: "sheet 'actors' has more than 10 rows",
      }),
    );
    const wide = book('<row r="1"><c r="F1"><v>1</v></c></row>');
    expect(() => read(wide, { maxRows: 10, maxColumns: 5 })).toThrow(
      expect.objectContaining({
        code: 'LIMIT_EXCEEDED',
        message: "sheet 'actors' has more than 5 columns",
      }),
    );
  });

  it('refuses a part that is missing, not well-formed or not UTF-8, naming it', () => {
    const parts = [rootRels, workbookRels(), styles, sharedStrings, levels];
    const broken = sheet(ACTORS, '<row r="1"><c r="A1"><v>1</c></row>');
    expect(() => read([...parts, workbookXml(), broken])).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(
          /^the file is not a readable \.xlsx workbook: its part 'xl\/worksheets\/sheet2\.xml' is not well-formed XML/,
        ),
        details: { reason: 'INVALID_XLSX', part: ACTORS },
      }),
    );
    expect(() => read([...parts, broken])).toThrow(
      "the file is not a readable .xlsx workbook: its part 'xl/workbook.xml' is missing",
    );
    expect(() => read([...parts, workbookXml()])).toThrow(`its part '${ACTORS}' is missing`);
    const saone = sheet('', '<row><c t="inlineStr"><is><t>Sa\u00f4ne</t></is></c></row>').xml;
    const entries = zipEntries(
      zipOf([
        ...[...parts, workbookXml()].map(({ name, xml }) => ({ name, data: Buffer.from(xml) })),
        { name: ACTORS, data: Buffer.from(saone, 'latin1') },
      ]),
    );
    expect(() =>
      tablesFromXlsx(entries, { maxRows: 10, maxColumns: 10, maxPartBytes: 1e6 }),
    ).toThrow(`its part '${ACTORS}' is not UTF-8 text`);
  });
});

describe('number formats', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['d-mmm-yy', true],
    ['[$-409]mmmm d, yyyy;@', true],
    ['h:mm AM/PM', true],
    ['DD/MM/YYYY', true],
    ['General', false],
    ['0.00', false],
    ['#,##0.00 [$€-1]', false],
    ['0.0" days"', false],
    ['#,##0\\ \\m', false],
    ['[Red]0.00', false],
    ['_(* #,##0_);_(* (#,##0)', false],
    ['@', false],
  ])('%s shows a date: %s', (code, date) => {
    expect(isDateFormat(code)).toBe(date);
  });
});

describe('columnOf', () => {
  it.each([
    ['A1', 1],
    ['Z9', 26],
    ['AA10', 27],
    ['XFD1048576', 16_384],
    ['b2', 2],
    ['7', 0],
  ])('%s -> %i', (ref, column) => {
    expect(columnOf(ref)).toBe(column);
  });
});
