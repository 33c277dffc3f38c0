/**
 * Dates as spreadsheets write them. The model takes yyyy-mm-dd, and exports
 * write that; but a CSV saved again from a spreadsheet holds the date as the
 * user's locale shows it ("2024/03/01" in South Africa, "01/03/2024" in the
 * UK, "3/1/2024" in the US), sometimes with a time. Main function: readDate.
 */

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

const iso = (year: string, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * The date a cell means, written yyyy-mm-dd; the text as it is when it is no
 * date form this knows (the model then refuses it). Year first in any
 * separator, and day or month first when only one reading is a date, are
 * read; "01/03/2024" could be either and is refused. A time is left out.
 */
export function readDate(text: string): string | AmbiguousDate {
  // what exports write, and most files hold: the model checks the calendar
  if (text.length === 10 && text[4] === '-' && text[7] === '-') return text;
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return iso(yearFirst[1]!, Number(yearFirst[2]), Number(yearFirst[3]));
  const yearLast = YEAR_LAST.exec(text);
  if (!yearLast) return text;
  const [a, b, year] = [Number(yearLast[1]), Number(yearLast[2]), yearLast[3]!];
  const dayFirst = a >= 1 && b >= 1 && b <= 12;
  const monthFirst = b >= 1 && a >= 1 && a <= 12;
  if (dayFirst && (!monthFirst || a === b)) return iso(year, b, a);
  if (monthFirst && !dayFirst) return iso(year, a, b);
  if (!dayFirst) return text;
  return new AmbiguousDate(
    `'${text}' could be ${a} ${MONTHS[b - 1]} or ${b} ${MONTHS[a - 1]} ${year}: write dates as yyyy-mm-dd`,
  );
}
