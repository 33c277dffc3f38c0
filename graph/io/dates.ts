/**
 * Dates as spreadsheets write them. The model takes yyyy-mm-dd, and exports
 * write that; but a CSV saved again from a spreadsheet holds the date as the
 * user's locale shows it ("2024/03/01" in South Africa, "01/03/2024" in the
 * UK, "3/1/2024" in the US), sometimes with a time. Main function: readDate.
 */

import { isIsoDate } from '../model/index.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A time after the date, as a spreadsheet may add it: "10:30", "00:00:00", "T10:30:00.000Z". */
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME}$`);

/** A date cell that could be read two ways. */
export class AmbiguousDate {
  constructor(readonly message: string) {}
}

/** yyyy-mm-dd of a day that is on the calendar (not 31 April), else undefined. */
function realDate(year: string, month: string, day: string): string | undefined {
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(date) ? date : undefined;
}

/**
 * The date a cell means, written yyyy-mm-dd; the text as it is when it is no
 * date form this knows or no day on the calendar (the model then refuses it,
 * as written). Year first in any separator, and day or month first when only
 * one reading is a date, are read; "01/03/2024" could be either and is
 * refused. A time is left out.
 */
export function readDate(text: string): string | AmbiguousDate {
  // what exports write, and most files hold: the model checks the calendar
  if (text.length === 10 && text[4] === '-' && text[7] === '-') return text;
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return realDate(yearFirst[1]!, yearFirst[2]!, yearFirst[3]!) ?? text;
  const yearLast = YEAR_LAST.exec(text);
  if (!yearLast) return text;
  const [a, b, year] = [yearLast[1]!, yearLast[2]!, yearLast[3]!];
  const dayFirst = realDate(year, b, a);
  const monthFirst = realDate(year, a, b);
  if (!dayFirst || !monthFirst || dayFirst === monthFirst) return dayFirst ?? monthFirst ?? text;
  return new AmbiguousDate(
    `'${text}' could be ${Number(a)} ${MONTHS[Number(b) - 1]} or ${Number(b)} ${MONTHS[Number(a) - 1]} ${year}: write dates as yyyy-mm-dd`,
  );
}
