/** Workbooks made in a test, sheet by sheet, as a spreadsheet program would save them. */
import ExcelJS from 'exceljs';

/** An .xlsx file with a sheet of `rows` for each name, in order. */
export async function workbook(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
