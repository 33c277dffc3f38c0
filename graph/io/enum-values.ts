/**
 * Enum cells as people write them: "Civil Society" -> civil_society, "NPO"
 * -> ngo, "Convenor" -> convener; and, for a value no spelling fits, the one
 * a typo most likely meant. Main functions: normaliseEnum, notOneOf.
 */

/** Spellings people use for enum values, after lower-casing and joining words with `_`. */
export const ENUM_SYNONYMS: Record<string, string> = {
  government: 'public',
  public_sector: 'public',
  private_sector: 'private',
  civil: 'civil_society',
  civilsociety: 'civil_society',
  academia: 'academic',
  state: 'public',
  business: 'private',
  corporate: 'private',
  industry: 'private',
  ngo: 'civil_society',
  research: 'academic',
  // actor kinds as South African stakeholder lists write them
  dept: 'department',
  national_department: 'department',
  provincial_department: 'department',
  government_department: 'department',
  ministry: 'department',
  local_municipality: 'municipality',
  district_municipality: 'municipality',
  metropolitan_municipality: 'municipality',
  metro: 'municipality',
  local_government: 'municipality',
  city: 'municipality',
  soe: 'public_entity',
  state_owned_enterprise: 'public_entity',
  state_owned_company: 'public_entity',
  parastatal: 'public_entity',
  agency: 'public_entity',
  statutory_body: 'public_entity',
  regulator: 'public_entity',
  industry_association: 'industry_body',
  business_association: 'industry_body',
  association: 'industry_body',
  chamber_of_commerce: 'industry_body',
  company: 'business',
  private_company: 'business',
  firm: 'business',
  npo: 'ngo',
  non_profit: 'ngo',
  nonprofit: 'ngo',
  non_profit_organisation: 'ngo',
  non_profit_organization: 'ngo',
  non_governmental_organisation: 'ngo',
  non_governmental_organization: 'ngo',
  charity: 'ngo',
  faith_based_organisation: 'ngo',
  faith_based_organization: 'ngo',
  community: 'community_group',
  cbo: 'community_group',
  community_based_organisation: 'community_group',
  community_based_organization: 'community_group',
  community_organisation: 'community_group',
  residents_association: 'community_group',
  university: 'research',
  academic: 'research',
  research_institute: 'research',
  research_institution: 'research',
  academic_institution: 'research',
  think_tank: 'research',
  development_partner: 'international',
  development_agency: 'international',
  un_agency: 'international',
  multilateral: 'international',
  committee: 'coordination_committee',
  coordinating_committee: 'coordination_committee',
  // stances as stakeholder registers write them
  for: 'supports',
  support: 'supports',
  supportive: 'supports',
  supporter: 'supports',
  in_favour: 'supports',
  in_favor: 'supports',
  favourable: 'supports',
  favorable: 'supports',
  positive: 'supports',
  against: 'opposes',
  oppose: 'opposes',
  opposed: 'opposes',
  opponent: 'opposes',
  opposition: 'opposes',
  negative: 'opposes',
  resistant: 'opposes',
  undecided: 'neutral',
  indifferent: 'neutral',
  ambivalent: 'mixed',
  conditional: 'mixed',
  divided: 'mixed',
  collaboration: 'collaborates',
  collaborate: 'collaborates',
  partnership: 'collaborates',
  partner: 'collaborates',
  cooperation: 'collaborates',
  works_with: 'collaborates',
  funding: 'funds',
  fund: 'funds',
  funder: 'funds',
  grant: 'funds',
  reports: 'reports_to',
  reporting: 'reports_to',
  accountable_to: 'reports_to',
  information: 'informs',
  information_flow: 'informs',
  inform: 'informs',
  advises: 'informs',
  contract: 'contracts',
  contracted: 'contracts',
  conflict: 'conflicts',
  tension: 'conflicts',
  convenor: 'convener',
  chair: 'convener',
  chairperson: 'convener',
  steering_committee: 'steering',
  steer: 'steering',
  rower: 'rowing',
  implementer: 'rowing',
  cheerleader: 'cheering',
  champion: 'cheering',
  participant: 'member',
};

/** An enum cell in the model's spelling style: "Civil Society" -> civil_society, "Dept." -> dept. */
const enumKey = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[\s\-/]+/g, '_');

/** An enum cell as the model spells it, or the cell as given when nothing matches (validation reports it). */
export function normaliseEnum(value: string, values: readonly string[]): string {
  if (values.includes(value)) return value;
  const v = enumKey(value);
  if (values.includes(v)) return v;
  // own keys only: a cell such as 'constructor' names no synonym
  const synonymOf = (key: string) =>
    Object.hasOwn(ENUM_SYNONYMS, key) ? ENUM_SYNONYMS[key] : undefined;
  const synonym = synonymOf(v) ?? synonymOf(v.replace(/_/g, ''));
  if (synonym && values.includes(synonym)) return synonym;
  const singular = v.replace(/s$/, '');
  if (values.includes(singular)) return singular;
  return value.trim();
}

/** Edits (insert, delete, replace a character) from `a` to `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const replace = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(replace, previous[j]! + 1, current[j - 1]! + 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The enum value a typo most likely meant ("munisipality" -> municipality,
 * "goverment" -> government, read as public): the value or synonym closest
 * to the cell, within two edits. Only ever suggested in a report, never
 * taken in its place.
 */
export function likelyEnumValue(value: string, values: readonly string[]): LikelyValue | undefined {
  let answers = LIKELY_ANSWERS.get(values);
  if (!answers) LIKELY_ANSWERS.set(values, (answers = new Map()));
  if (answers.has(value)) return answers.get(value);
  if (answers.size >= LIKELY_ANSWERS_KEPT) answers.clear();
  const likely = closestEnumValue(value, values);
  answers.set(value, likely);
  return likely;
}

/** "'munisipality' is not one of department, municipality, ... (did you mean 'municipality'?)" */
export function notOneOf(given: string, values: readonly string[]): string {
  const meant = likelyEnumValue(given, values);
  const hint = meant
    ? ` (did you mean '${meant.word}'${meant.word === meant.value ? '' : `, read as ${meant.value}`}?)`
    : '';
  return `'${given}' is not one of ${values.join(', ')}${hint}`;
}

interface LikelyValue {
  word: string;
  value: string;
}

/**
 * likelyEnumValue's answers by enum and cell: a file may have one typo on
 * every row, and working it out takes ~35 us (3.6 s for 100,000 rows).
 */
const LIKELY_ANSWERS = new WeakMap<readonly string[], Map<string, LikelyValue | undefined>>();
const LIKELY_ANSWERS_KEPT = 10_000;

function closestEnumValue(value: string, values: readonly string[]): LikelyValue | undefined {
  const v = enumKey(value);
  const candidates: [string, string][] = [
    ...values.map((x) => [x, x] as [string, string]),
    ...Object.entries(ENUM_SYNONYMS).filter(([, target]) => values.includes(target)),
  ];
  let best: { word: string; value: string; distance: number } | undefined;
  for (const [word, target] of candidates) {
    const distance = editDistance(v, word);
    if (distance <= 2 && (!best || distance < best.distance)) {
      best = { word, value: target, distance };
    }
  }
  return best && { word: best.word, value: best.value };
}
