import { z } from 'zod';

/** Ids are readable slugs: letters, digits and `. _ : ~ @ -` (`~` and `@` join the ends of interests, ties and assessments), starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:~@-]{0,255}$/;

export const IdSchema = z
  .string()
  .regex(ID_PATTERN, 'must be a slug of letters, digits and . _ : ~ @ - (at most 256)');

export const NameSchema = z.string().trim().min(1, 'must not be empty').max(300);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month (1-12) of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * True when `value` is a real calendar date written yyyy-mm-dd. Worked out by
 * arithmetic: building a Date for it cost ~1.3 us, a third of a second for
 * the dates of 300,000 imported mandates.
 */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'must be a date written yyyy-mm-dd' });

/**
 * Free text (descriptions, notes): trimmed, and blank is the same as absent,
 * as a spreadsheet cell reads; so text exported to a file imports unchanged.
 */
export function freeText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .transform((text) => (text === '' ? undefined : text))
    .optional();
}

/** A whole number in a range, with one plain message for whatever is wrong with it. */
export function wholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.number(message).int(message).min(min, message).max(max, message);
}

export const TagsSchema = z.array(z.string().trim().min(1).max(100)).max(50).default([]);

/** Fields every entity has besides its own. */
export const baseFields = {
  id: IdSchema,
  name: NameSchema,
  description: freeText(5000),
  tags: TagsSchema,
};

/** Base fields for entities identified by their ends, whose name is optional. */
export const endpointBaseFields = {
  ...baseFields,
  name: NameSchema.optional(),
};

/** A slug of a name, used as id when none is given: "Dept. of Water" -> "dept-of-water". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
  return slug.length > 0 ? slug : `n-${hashName(name)}`;
}

/** FNV-1a of a string as 8 hex digits: a stable id for names with no latin letters. */
function hashName(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The UTC day last asked for and when it began (ms): asked thousands of times a second. */
let today = { iso: '', from: 0 };

export function todayIso(): string {
  const now = Date.now();
  if (now < today.from || now >= today.from + 86_400_000) {
    const iso = new Date(now).toISOString().slice(0, 10);
    today = { iso, from: Date.parse(`${iso}T00:00:00.000Z`) };
  }
  return today.iso;
}
