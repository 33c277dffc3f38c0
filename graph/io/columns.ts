/**
 * How spreadsheet columns map onto the model: each field with its header
 * synonyms (matched ignoring case, spaces and punctuation) and how its cells
 * are read. The spellings people use for enum values are in enum-values.ts.
 */
import {
  ACTOR_KINDS,
  JURISDICTION_KINDS,
  MANDATE_FUNCTIONS,
  MANDATE_STRENGTHS,
  MATURITY_DIMENSIONS,
  PARTNERSHIP_KINDS,
  SECTORS,
  STANCES,
  TIE_KINDS,
} from '../model/index.js';
import type { EntityType, MaturityDimension } from '../model/index.js';

export type CellKind = 'text' | 'id' | 'ids' | 'int' | 'enum' | 'date' | 'tags' | 'members';

export interface Column {
  /** Model field; a dot reaches into a nested object (`contact.email`). */
  field: string;
  kind: CellKind;
  synonyms: string[];
  values?: readonly string[];
  /** The entity type an id (or name) in this column refers to. */
  ref?: EntityType;
  required?: boolean;
  /** A whole-number column's scale, as the model checks it: for messages. */
  range?: readonly [number, number];
}

const col = (
  field: string,
  kind: CellKind,
  synonyms: string[],
  extra: Partial<Column> = {},
): Column => ({
  field,
  kind,
  synonyms: [field, ...synonyms],
  ...extra,
});

/**
 * The id, name, description and tags every named type has. The name is also
 * found under its synonyms followed by "name" ("Organisation Name").
 */
function base(
  nameSynonyms: string[] = ['organisation', 'organization', 'label', 'actor', 'stakeholder'],
): Column[] {
  const named = nameSynonyms.filter((s) => s !== 'label').map((s) => `${s} name`);
  return [
    col('id', 'id', ['identifier', 'code', 'key', 'slug']),
    col('name', 'text', [...nameSynonyms, ...named], { required: true }),
    col('description', 'text', ['details', 'about', 'summary']),
    col('tags', 'tags', ['keywords', 'labels']),
  ];
}

/**
 * The names the Partnering Maturity Assessment gives its dimensions (the
 * Berg River slides: "Goals and objectives", "Processes, technologies and
 * systems", "Culture, attitudes, leadership"), as an assessment sheet's
 * headers may write them.
 */
const DIMENSION_HEADERS: Record<MaturityDimension, string[]> = {
  goals: ['goals and objectives', 'goals & objectives', 'objectives'],
  resources: [],
  activities: [],
  communications: ['communication'],
  governance: [],
  systems: [
    'processes, technologies and systems',
    'processes, technology and systems',
    'technologies and systems',
    'processes',
  ],
  culture: [
    'culture, attitudes, leadership',
    'culture, attitudes and leadership',
    'culture and leadership',
  ],
};

export const COLUMNS: Record<EntityType, Column[]> = {
  level: [
    ...base([]),
    col('rank', 'int', ['order', 'tier number'], { required: true, range: [1, 20] }),
  ],
  jurisdiction: [
    ...base(['place', 'area']),
    col('kind', 'enum', ['type'], { values: JURISDICTION_KINDS, required: true }),
    col('levelId', 'id', ['level', 'sphere', 'sphere of government', 'tier'], { ref: 'level' }),
    col('parentId', 'id', ['parent', 'part of', 'within'], { ref: 'jurisdiction' }),
    col('overlaps', 'ids', ['crosses', 'overlapping'], { ref: 'jurisdiction' }),
  ],
  issue: [
    ...base(['issue', 'topic']),
    col('parentId', 'id', ['parent', 'part of'], { ref: 'issue' }),
  ],
  actor: [
    ...base(),
    col('kind', 'enum', ['type', 'category', 'organisation type'], {
      values: ACTOR_KINDS,
      required: true,
    }),
    col('sector', 'enum', [], { values: SECTORS, required: true }),
    col('levelId', 'id', ['level', 'sphere', 'sphere of government', 'tier', 'government level'], {
      ref: 'level',
    }),
    col('jurisdictionId', 'id', ['jurisdiction', 'place', 'area', 'home', 'location'], {
      ref: 'jurisdiction',
    }),
    col('parentId', 'id', ['parent', 'part of', 'belongs to', 'parent organisation'], {
      ref: 'actor',
    }),
    col('contact.person', 'text', ['contact person', 'contact', 'person']),
    col('contact.email', 'text', ['email', 'e-mail', 'email address']),
    col('contact.phone', 'text', ['phone', 'telephone', 'tel']),
    col('contact.url', 'text', ['website', 'url', 'web']),
  ],
  mandate: [
    col('id', 'id', ['identifier', 'code', 'key']),
    col('name', 'text', []),
    col('title', 'text', ['mandate'], { required: true }),
    col('description', 'text', ['details']),
    col('tags', 'tags', ['keywords']),
    col('function', 'enum', ['role'], { values: MANDATE_FUNCTIONS, required: true }),
    col('strength', 'enum', [], { values: MANDATE_STRENGTHS, required: true }),
    col('holderId', 'id', ['holder', 'actor', 'organisation', 'responsible'], {
      ref: 'actor',
      required: true,
    }),
    col('issueIds', 'ids', ['issue', 'issues', 'issue areas', 'topic'], {
      ref: 'issue',
      required: true,
    }),
    col(
      'jurisdictionIds',
      'ids',
      ['jurisdiction', 'jurisdictions', 'place', 'places', 'area', 'areas'],
      {
        ref: 'jurisdiction',
        required: true,
      },
    ),
    col('source.instrument', 'text', ['instrument', 'source', 'legislation', 'law', 'act']),
    col('source.section', 'text', ['section']),
    col('source.url', 'text', ['source url', 'url', 'link']),
    col('validFrom', 'date', ['from', 'start', 'start date', 'valid from']),
    col('validTo', 'date', ['to', 'end', 'end date', 'valid to']),
  ],
  partnership: [
    ...base(['partnership']),
    col('kind', 'enum', ['type'], { values: PARTNERSHIP_KINDS, required: true }),
    col('purpose', 'text', ['aim', 'objective']),
    col('formedOn', 'date', ['formed', 'established', 'start']),
    col('issueIds', 'ids', ['issue', 'issues'], { ref: 'issue' }),
    col('jurisdictionIds', 'ids', ['jurisdiction', 'jurisdictions', 'place', 'places'], {
      ref: 'jurisdiction',
    }),
    col('members', 'members', ['partners'], { ref: 'actor' }),
  ],
  interest: [
    col('actorId', 'id', ['actor', 'stakeholder', 'organisation'], {
      ref: 'actor',
      required: true,
    }),
    col('issueId', 'id', ['issue', 'topic'], { ref: 'issue', required: true }),
    col('name', 'text', []),
    col('description', 'text', ['notes']),
    col('stance', 'enum', ['position', 'attitude'], { values: STANCES, required: true }),
    col('influence', 'int', ['power'], { required: true, range: [1, 5] }),
    col('interest', 'int', ['interest level'], { required: true, range: [1, 5] }),
    col('tags', 'tags', ['keywords', 'labels']),
  ],
  tie: [
    col('fromId', 'id', ['from', 'source'], { ref: 'actor', required: true }),
    col('toId', 'id', ['to', 'target'], { ref: 'actor', required: true }),
    col('kind', 'enum', ['type', 'relationship'], { values: TIE_KINDS, required: true }),
    col('strength', 'int', ['weight'], { range: [1, 3] }),
    col('name', 'text', ['label']),
    col('description', 'text', ['notes']),
    col('tags', 'tags', ['keywords', 'labels']),
  ],
  assessment: [
    col('partnershipId', 'id', ['partnership'], { ref: 'partnership', required: true }),
    col('date', 'date', ['assessed on'], { required: true }),
    col('name', 'text', []),
    ...MATURITY_DIMENSIONS.map((d) =>
      col(`scores.${d}`, 'int', [d, ...DIMENSION_HEADERS[d]], { required: true, range: [1, 6] }),
    ),
    col('notes', 'text', ['comments']),
    col('description', 'text', ['details', 'about', 'summary']),
    col('tags', 'tags', ['keywords', 'labels']),
  ],
};

/** Header text -> comparable key: lower case, letters and digits only. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
