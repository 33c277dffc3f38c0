import { describe, expect, it } from 'vitest';
import { AmbiguousDate, dateOrder, readDate, spelledDate } from './dates.js';

describe('readDate', () => {
  it.each([
    ['2024-03-01', '2024-03-01'],
    ['2024/03/01', '2024-03-01'],
    ['2024.3.1', '2024-03-01'],
    ['2024-3-1', '2024-03-01'],
    ['2024/03/01 00:00', '2024-03-01'],
    ['2024-03-01T10:30:00.000Z', '2024-03-01'],
    ['2024/03/01 10:30 PM', '2024-03-01'],
    ['13/03/2024', '2024-03-13'],
    ['03/13/2024', '2024-03-13'],
    ['3/13/2024 0:00', '2024-03-13'],
    ['01/01/2024', '2024-01-01'],
    ['31.12.2024', '2024-12-31'],
    ['29/02/2024', '2024-02-29'],
    ['1 March 2024', '2024-03-01'],
    ['01-Mar-2024', '2024-03-01'],
    ['1 Mar. 2024 10:30', '2024-03-01'],
    ['1 sept 2024', '2024-09-01'],
    ['March 1, 2024', '2024-03-01'],
    ['Mar-01-2024', '2024-03-01'],
    ['Friday, 1 March 2024', '2024-03-01'],
    ['Fri, March 1, 2024', '2024-03-01'],
    ['1 Maart 2024', '2024-03-01'],
    ['Vrydag, 1 Maart 2024', '2024-03-01'],
    ['15 Okt. 2024', '2024-10-15'],
    ['31 Desember 2025', '2025-12-31'],
    ['1 Mei 2024', '2024-05-01'],
    ['20240301', '2024-03-01'],
    ['45352', '2024-03-01'],
    ['18264', '1950-01-01'],
    ['73050', '2099-12-31'],
  ])('reads %s as %s', (cell, date) => {
    expect(readDate(cell)).toBe(date);
  });

  it('refuses a date that could be read two ways, naming both', () => {
    const read = readDate('01/03/2024');
    expect(read).toBeInstanceOf(AmbiguousDate);
    expect((read as AmbiguousDate).message).toBe(
      "'01/03/2024' could be 1 March or 3 January 2024: write dates as yyyy-mm-dd",
    );
  });

  it.each([
    ['01-Mar-24', "'01-Mar-24' has a two-digit year (1924 or 2024): write dates as yyyy-mm-dd"],
    ['Mar 1 96', "'Mar 1 96' has a two-digit year (1996 or 2096): write dates as yyyy-mm-dd"],
  ])('refuses %s, whose century could be either', (cell, message) => {
    const read = readDate(cell);
    expect(read).toBeInstanceOf(AmbiguousDate);
    expect((read as AmbiguousDate).message).toBe(message);
  });

  it.each([
    '2024-13-45',
    '2024/02/30',
    '31/04/2024',
    '02/30/2024',
    '29/02/2023',
    '32/13/2024',
    '0/5/2024',
    '31 Apr 2024',
    '1 Mr 2024',
    '1 Marz 2024',
    'Donderdag, 1 Maart 2024',
    'Thursday, 1 March 2024',
    'Month, 1 March 2024',
    '20240230',
    '18263',
    '73051',
    '2024',
    'soon',
  ])('leaves %s as written, for the model to refuse', (cell) => {
    expect(readDate(cell)).toBe(cell);
  });
});

describe('dateOrder', () => {
  it('is the order a date that can only be read one way shows, with that date', () => {
    expect(dateOrder(['01/03/2024', '31/12/2025', '02/03/2024'])).toEqual({
      order: 'day',
      shownBy: '31/12/2025',
    });
    expect(dateOrder(['3/1/2024', '12/31/2025 10:30', '12/31/2026'])).toEqual({
      order: 'month',
      shownBy: '12/31/2025 10:30',
    });
  });

  it('is nothing when no date shows the order, or dates show both', () => {
    expect(dateOrder([])).toBeUndefined();
    expect(dateOrder(['01/03/2024', '2024-12-31', '1 March 2024', '05/05/2024'])).toBeUndefined();
    expect(dateOrder(['31/12/2025', '12/31/2025'])).toBeUndefined();
    // no reading is a day on the calendar: shows nothing
    expect(dateOrder(['31/31/2025', '01/03/2024'])).toBeUndefined();
  });

  it('settles what readDate refuses, and nothing else', () => {
    expect(readDate('01/03/2024', 'day')).toBe('2024-03-01');
    expect(readDate('01/03/2024', 'month')).toBe('2024-01-03');
    // a date only one reading takes is read so, whatever the order
    expect(readDate('31/12/2025', 'month')).toBe('2025-12-31');
    expect(readDate('1-Mar-24', 'day')).toBeInstanceOf(AmbiguousDate);
    expect(spelledDate('2012-04-01')).toBe('1 April 2012');
  });
});
