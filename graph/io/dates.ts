/**
 * Dates as spreadsheets write them. The model takes yyyy-mm-dd, and exports
 * write that; but a CSV saved again from a spreadsheet holds the date as the
 * user's locale shows it ("2024/03/01" in South Africa, "01/03/2024" in the
 * UK, "3/1/2024" in the US, "1-Mar-24" in a custom format), sometimes with
 * a time, or as the day number a spreadsheet keeps (45352) when a date cell
 * lost its format. Main function: readDate.
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
/** A weekday before a long date: "Friday, 1 March 2024"; it must be the date's. */
const WEEKDAY = String.raw`(?:([a-z]{3,9})\.?,? )?`;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** Afrikaans, as Excel in South Africa may write a long date ("Vrydag, 1 Maart 2024"). */
const WEEKDAYS_AF = ['sondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrydag', 'saterdag'];
const MONTHS_AF = [
  'januarie',
  'februarie',
  'maart',
  'april',
  'mei',
  'junie',
  'julie',
  'augustus',
  'september',
  'oktober',
  'november',
  'desember',
];
/** "1 March 2024", "01-Mar-24", "1 Mar. 2024" */
const DAY_MONTH = new RegExp(
  String.raw`^${WEEKDAY}(\d{1,2})[- ]([a-z]{3,9})\.?[- ](\d{4}|\d{2})${TIME}$`,
  'i',
);
/** "March 1, 2024", "Mar 1 2024", "Mar-01-2024" */
const MONTH_DAY = new RegExp(
  String.raw`^${WEEKDAY}([a-z]{3,9})\.?[- ](\d{1,2}),?[- ](\d{4}|\d{2})${TIME}$`,
  'i',
);
/** Year, month and day without separators, as systems export them: "20240301". */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** A whole number a date column may hold when its cells lost their date format. */
const DAY_NUMBER = /^\d{5}$/;
/** Day numbers read as dates: 1 January 1950 to 31 December 2099. */
const FIRST_DAY_NUMBER = 18_264;
const LAST_DAY_NUMBER = 73_050;
/** Day 0 of spreadsheets (Excel, LibreOffice) from March 1900 on. */
const DAY_ZERO = Date.UTC(1899, 11, 30);

/** A date cell that could be read two ways. */
export class AmbiguousDate {
  constructor(readonly message: string) {}
}

/** Which comes first in a date written with the year last: the day ("31/12/2025") or the month ("12/31/2025"). */
export type DateOrder = 'day' | 'month';

/** The order the dates of one sheet are written in, and a date that shows it. */
export interface SheetDateOrder {
  order: DateOrder;
  shownBy: string;
}

/** yyyy-mm-dd of a day that is on the calendar (not 31 April), else undefined. */
function realDate(year: string, month: string, day: string): string | undefined {
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(date) ? date : undefined;
}

/**
 * The month (1 to 12) an English or Afrikaans name gives, whole or cut short
 * to three letters or more ("Mar", "Sept", "Maart", "Okt"). No three letters
 * begin months of both languages but the same month's.
 */
function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((m) => m.toLowerCase().startsWith(lower));
  const af = MONTHS_AF.findIndex((m) => m.startsWith(lower));
  return index >= 0 ? index + 1 : af >= 0 ? af + 1 : undefined;
}

/** Whether a weekday's name, English or Afrikaans (whole, or three letters or more), is the date's. */
function isWeekdayOf(name: string, date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  const lower = name.toLowerCase();
  return WEEKDAYS[day]!.startsWith(lower) || WEEKDAYS_AF[day]!.startsWith(lower);
}

/**
 * The date of a written month ("1 March 2024", "March 1, 2024"), or undefined.
 * A two-digit year ("1-Mar-24") is refused: a mandate may run from 1956 or to
 * 2035, and a spreadsheet reads "35" as 1935.
 */
function namedMonthDate(text: string): string | AmbiguousDate | undefined {
  const dayFirst = DAY_MONTH.exec(text);
  const match = dayFirst ?? MONTH_DAY.exec(text);
  if (!match) return undefined;
  const [weekday, day, name] = dayFirst
    ? [match[1], match[2]!, match[3]!]
    : [match[1], match[3]!, match[2]!];
  const [month, year] = [monthNumber(name), match[4]!];
  if (!month) return undefined;
  if (year.length === 2) {
    return new AmbiguousDate(
      `'${text}' has a two-digit year (19${year} or 20${year}): write dates as yyyy-mm-dd`,
    );
  }
  const date = realDate(year, String(month), day);
  return date && (weekday === undefined || isWeekdayOf(weekday, date)) ? date : undefined;
}

/**
 * A date written with the year last ("01/03/2024"), read both ways: its two
 * numbers as written, and the date each order makes when it is a day on the
 * calendar. Undefined for any other form.
 */
function yearLastReadings(
  text: string,
): { a: string; b: string; year: string; dayFirst?: string; monthFirst?: string } | undefined {
  const yearLast = YEAR_LAST.exec(text);
  if (!yearLast) return undefined;
  const [a, b, year] = [yearLast[1]!, yearLast[2]!, yearLast[3]!];
  return { a, b, year, dayFirst: realDate(year, b, a), monthFirst: realDate(year, a, b) };
}

/** The date of a spreadsheet's day number (45352 is 2024-03-01), when in the years read. */
function dayNumberDate(text: string): string | undefined {
  const n = Number(text);
  if (n < FIRST_DAY_NUMBER || n > LAST_DAY_NUMBER) return undefined;
  return new Date(DAY_ZERO + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The date a cell means, written yyyy-mm-dd; the text as it is when it is no
 * date form this knows or no day on the calendar (the model then refuses it,
 * as written). Read: year first with any separator or none (20240301); day
 * or month first when only one reading is a date; an English or Afrikaans
 * month written out or cut short; a day number of 1950 to 2099.
 * "01/03/2024" could be either day or month first, and "1-Mar-24" either
 * century: both are refused, the first unless `order` (dateOrder) says
 * which comes first. A time is left out.
 */
export function readDate(text: string, order?: DateOrder): string | AmbiguousDate {
  // what exports write, and most files hold: the model checks the calendar
  if (text.length === 10 && text[4] === '-' && text[7] === '-') return text;
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return realDate(yearFirst[1]!, yearFirst[2]!, yearFirst[3]!) ?? text;
  if (DAY_NUMBER.test(text)) return dayNumberDate(text) ?? text;
  const compact = COMPACT.exec(text);
  if (compact) return realDate(compact[1]!, compact[2]!, compact[3]!) ?? text;
  const readings = yearLastReadings(text);
  if (!readings) return namedMonthDate(text) ?? text;
  const { a, b, year, dayFirst, monthFirst } = readings;
  if (!dayFirst || !monthFirst || dayFirst === monthFirst) return dayFirst ?? monthFirst ?? text;
  if (order) return order === 'day' ? dayFirst : monthFirst;
  return new AmbiguousDate(
    `'${text}' could be ${Number(a)} ${MONTHS[Number(b) - 1]} or ${Number(b)} ${MONTHS[Number(a) - 1]} ${year}: write dates as yyyy-mm-dd`,
  );
}

/**
 * The order of day and month in a sheet's dates written with the year last,
 * when its dates settle it: some can only be read one way ("31/12/2025" day
 * first, "12/31/2025" month first) and none only the other way. A sheet saved
 * by one spreadsheet writes all its dates in the one order of its locale.
 * Undefined when no date shows the order, or dates show both.
 */
export function dateOrder(texts: Iterable<string>): SheetDateOrder | undefined {
  let found: SheetDateOrder | undefined;
  for (const text of texts) {
    const readings = yearLastReadings(text);
    if (!readings) continue;
    const { dayFirst, monthFirst } = readings;
    // a date either reading takes, or neither, shows nothing
    if (Boolean(dayFirst) === Boolean(monthFirst)) continue;
    const order: DateOrder = dayFirst ? 'day' : 'month';
    if (found && found.order !== order) return undefined;
    found ??= { order, shownBy: text };
  }
  return found;
}

/** A date written out in words, as messages give it: "1 April 2012". */
export function spelledDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}
