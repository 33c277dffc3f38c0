/**
 * The Berg River sample (shared/seeds/000): one river from Franschhoek to
 * Laaiplek, six local municipalities, six provincial departments, the national
 * water department with the core mandate, waste-water works, farmers, tourism
 * and research. ILLUSTRATIVE: built from public slides and public legislation to
 * exercise the product; it is not an official record of any body's mandate.
 */
import type { MaturityScores } from '../model/index.js';

const NWA = 'National Water Act 36 of 1998';
const WSA = 'Water Services Act 108 of 1997';
const NEMA = 'National Environmental Management Act 107 of 1998';
const NHA = 'National Health Act 61 of 2003';
const ILLUSTRATIVE = 'Illustrative sample data, not an official record.';

const LOCALS = [
  ['stellenbosch', 'Stellenbosch', 'cape-winelands'],
  ['drakenstein', 'Drakenstein', 'cape-winelands'],
  ['witzenberg', 'Witzenberg', 'cape-winelands'],
  ['swartland', 'Swartland', 'west-coast'],
  ['bergrivier', 'Bergrivier', 'west-coast'],
  ['saldanha-bay', 'Saldanha Bay', 'west-coast'],
] as const;

/** Waste-water works on the river (seven of the seventeen, illustrative), by municipality. */
const WORKS = [
  ['franschhoek', 'Franschhoek', 'stellenbosch'],
  ['paarl', 'Paarl', 'drakenstein'],
  ['wellington', 'Wellington', 'drakenstein'],
  ['tulbagh', 'Tulbagh', 'witzenberg'],
  ['riebeek-valley', 'Riebeek Valley', 'swartland'],
  ['porterville', 'Porterville', 'bergrivier'],
  ['velddrif', 'Velddrif', 'bergrivier'],
] as const;

const levels = [
  { id: 'national', name: 'National', rank: 1 },
  { id: 'provincial', name: 'Provincial', rank: 2 },
  { id: 'district', name: 'District', rank: 3 },
  { id: 'local', name: 'Local', rank: 4 },
];

const jurisdictions = [
  { id: 'south-africa', name: 'South Africa', kind: 'country', levelId: 'national' },
  {
    id: 'western-cape',
    name: 'Western Cape',
    kind: 'province',
    levelId: 'provincial',
    parentId: 'south-africa',
  },
  {
    id: 'cape-winelands',
    name: 'Cape Winelands District',
    kind: 'district',
    levelId: 'district',
    parentId: 'western-cape',
  },
  {
    id: 'west-coast',
    name: 'West Coast District',
    kind: 'district',
    levelId: 'district',
    parentId: 'western-cape',
  },
  ...LOCALS.map(([id, name, district]) => ({
    id,
    name: `${name} Local Municipality`,
    kind: 'municipality',
    levelId: 'local',
    parentId: district,
  })),
  {
    id: 'berg-river-catchment',
    name: 'Berg River catchment',
    kind: 'catchment',
    parentId: 'western-cape',
    description: 'The river system from Franschhoek to the estuary at Laaiplek.',
    overlaps: LOCALS.map(([id]) => id),
  },
];

const issue = (id: string, name: string, parentId?: string) => ({ id, name, parentId });
const issues = [
  issue('water', 'Water resources'),
  issue('water-quality', 'Water quality', 'water'),
  issue('effluent', 'Waste-water effluent', 'water-quality'),
  issue('agricultural-runoff', 'Agricultural return flows and pollutants', 'water-quality'),
  issue('water-quantity', 'Water allocation and scarcity', 'water'),
  issue('water-pricing', 'Pricing of water', 'water'),
  issue('river-ecosystem', 'River ecosystem health', 'water'),
  issue('water-data', 'Water monitoring data', 'water'),
  issue('human-settlements', 'Human settlements'),
  issue('informal-settlements', 'Informal settlements along the river', 'human-settlements'),
  issue('economy', 'Local economy and jobs'),
  issue('agricultural-production', 'Agricultural production', 'economy'),
  issue('tourism-recreation', 'Tourism, sport and recreation', 'economy'),
  issue('green-economy', 'Green economy', 'economy'),
];

type ActorKind = string;
const actor = (id: string, name: string, kind: ActorKind, sector: string, extra: object = {}) => ({
  id,
  name,
  kind,
  sector,
  ...extra,
});
const wcg = (id: string, name: string, extra: object = {}) =>
  actor(id, name, 'department', 'public', {
    levelId: 'provincial',
    jurisdictionId: 'western-cape',
    parentId: 'wcg',
    ...extra,
  });

const actors = [
  actor('national-government', 'National Government of South Africa', 'other', 'public', {
    levelId: 'national',
    jurisdictionId: 'south-africa',
  }),
  actor('dws', 'Department of Water and Sanitation', 'department', 'public', {
    levelId: 'national',
    jurisdictionId: 'south-africa',
    parentId: 'national-government',
    description: 'National custodian of water resources; holds the core water mandate.',
  }),
  actor('wrc', 'Water Research Commission', 'public_entity', 'public', {
    levelId: 'national',
    jurisdictionId: 'south-africa',
    parentId: 'dws',
  }),
  actor('wcg', 'Western Cape Government', 'other', 'public', {
    levelId: 'provincial',
    jurisdictionId: 'western-cape',
  }),
  wcg('wc-deadp', 'Department of Environmental Affairs and Development Planning', {
    description: 'Convenes the Berg River Improvement Plan.',
  }),
  wcg('wc-agriculture', 'Department of Agriculture'),
  wcg('wc-human-settlements', 'Department of Human Settlements'),
  wcg('wc-local-government', 'Department of Local Government'),
  wcg('wc-dedat', 'Department of Economic Development and Tourism'),
  wcg('wc-health', 'Department of Health and Wellness'),
  wcg('capenature', 'CapeNature', { kind: 'public_entity' }),
  wcg('wesgro', 'Wesgro', {
    kind: 'public_entity',
    description: 'Tourism, trade and investment promotion agency.',
  }),
  actor('cape-winelands-dm', 'Cape Winelands District Municipality', 'municipality', 'public', {
    levelId: 'district',
    jurisdictionId: 'cape-winelands',
  }),
  actor('west-coast-dm', 'West Coast District Municipality', 'municipality', 'public', {
    levelId: 'district',
    jurisdictionId: 'west-coast',
  }),
  ...LOCALS.map(([id, name]) =>
    actor(`${id}-municipality`, `${name} Municipality`, 'municipality', 'public', {
      levelId: 'local',
      jurisdictionId: id,
    }),
  ),
  ...WORKS.map(([id, name, muni]) =>
    actor(`${id}-wwtw`, `${name} Waste Water Treatment Works`, 'other', 'public', {
      levelId: 'local',
      jurisdictionId: muni,
      parentId: `${muni}-municipality`,
    }),
  ),
  actor('agri-western-cape', 'Agri Western Cape', 'industry_body', 'private'),
  actor('berg-irrigation-farmers', 'Berg River irrigation farmers', 'business', 'private', {
    jurisdictionId: 'berg-river-catchment',
  }),
  actor(
    'franschhoek-wine-valley',
    'Franschhoek Wine Valley tourism association',
    'industry_body',
    'private',
    { jurisdictionId: 'stellenbosch' },
  ),
  actor('berg-canoe-marathon', 'Berg River Canoe Marathon', 'community_group', 'civil_society', {
    jurisdictionId: 'berg-river-catchment',
  }),
  actor('wwf-sa', 'WWF South Africa', 'ngo', 'civil_society'),
  actor('stellenbosch-university', 'Stellenbosch University', 'research', 'academic', {
    jurisdictionId: 'stellenbosch',
  }),
  actor('csir', 'Council for Scientific and Industrial Research', 'research', 'academic'),
];

interface MandateSpec {
  id: string;
  title: string;
  holderId: string;
  function: string;
  strength: string;
  issueIds: string[];
  jurisdictionIds: string[];
  instrument?: string;
  section?: string;
  validFrom?: string;
  validTo?: string;
}
const mandate = (m: MandateSpec) => {
  const { instrument, section, ...rest } = m;
  return {
    ...rest,
    description: ILLUSTRATIVE,
    ...(instrument ? { source: { instrument, section } } : {}),
  };
};

const mandates = [
  mandate({
    id: 'dws-water-policy',
    title: 'National water resource policy and trusteeship',
    holderId: 'dws',
    function: 'policy',
    strength: 'core',
    issueIds: ['water'],
    jurisdictionIds: ['south-africa'],
    instrument: NWA,
    section: 's 3',
  }),
  mandate({
    id: 'dws-water-quality-regulation',
    title: 'Regulate waste discharge and water quality',
    holderId: 'dws',
    function: 'regulate',
    strength: 'core',
    issueIds: ['water-quality'],
    jurisdictionIds: ['south-africa'],
    instrument: NWA,
    section: 's 21(f)-(g), s 39',
  }),
  mandate({
    id: 'dws-water-allocation',
    title: 'Allocate and license water use',
    holderId: 'dws',
    function: 'regulate',
    strength: 'core',
    issueIds: ['water-quantity'],
    jurisdictionIds: ['south-africa'],
    instrument: NWA,
    section: 'Chapter 4',
  }),
  mandate({
    id: 'dws-water-monitoring',
    title: 'National water resource monitoring',
    holderId: 'dws',
    function: 'monitor',
    strength: 'core',
    issueIds: ['water-quality', 'water-data'],
    jurisdictionIds: ['south-africa'],
    instrument: NWA,
    section: 'Chapter 14',
  }),
  mandate({
    id: 'dws-pricing-strategy',
    title: 'Pricing strategy for raw water use',
    holderId: 'dws',
    function: 'policy',
    strength: 'core',
    issueIds: ['water-pricing'],
    jurisdictionIds: ['south-africa'],
    instrument: NWA,
    section: 's 56',
  }),
  mandate({
    id: 'wrc-water-research',
    title: 'Fund and coordinate water research',
    holderId: 'wrc',
    function: 'fund',
    strength: 'supporting',
    issueIds: ['water-data'],
    jurisdictionIds: ['south-africa'],
    instrument: 'Water Research Act 34 of 1971',
  }),
  mandate({
    id: 'deadp-pollution-enforcement',
    title: 'Enforce environmental duty of care on water pollution',
    holderId: 'wc-deadp',
    function: 'enforce',
    strength: 'shared',
    issueIds: ['water-quality'],
    jurisdictionIds: ['western-cape'],
    instrument: NEMA,
    section: 's 28, s 31',
  }),
  mandate({
    id: 'deadp-brip',
    title: 'Berg River Improvement Plan',
    holderId: 'wc-deadp',
    function: 'coordinate',
    strength: 'shared',
    issueIds: ['water-quality', 'river-ecosystem'],
    jurisdictionIds: ['berg-river-catchment'],
    instrument: 'Western Cape Cabinet mandate for the Berg River Improvement Plan',
    validFrom: '2012-04-01',
  }),
  mandate({
    id: 'deadp-brip-monitoring-phase-1',
    title: 'Berg River water quality monitoring programme, phase 1',
    holderId: 'wc-deadp',
    function: 'monitor',
    strength: 'supporting',
    issueIds: ['water-quality'],
    jurisdictionIds: ['berg-river-catchment'],
    validFrom: '2012-04-01',
    validTo: '2017-03-31',
  }),
  mandate({
    id: 'agriculture-resource-conservation',
    title: 'Conserve agricultural natural resources (LandCare, river rehabilitation)',
    holderId: 'wc-agriculture',
    function: 'implement',
    strength: 'shared',
    issueIds: ['agricultural-runoff', 'agricultural-production'],
    jurisdictionIds: ['western-cape'],
    instrument: 'Conservation of Agricultural Resources Act 43 of 1983',
  }),
  mandate({
    id: 'human-settlements-upgrading',
    title: 'Fund informal settlement upgrading',
    holderId: 'wc-human-settlements',
    function: 'fund',
    strength: 'shared',
    issueIds: ['informal-settlements'],
    jurisdictionIds: ['western-cape'],
    instrument: 'Housing Act 107 of 1997',
  }),
  mandate({
    id: 'local-government-support',
    title: 'Support and monitor municipal water services',
    holderId: 'wc-local-government',
    function: 'coordinate',
    strength: 'supporting',
    issueIds: ['effluent'],
    jurisdictionIds: ['western-cape'],
    instrument: 'Constitution of the Republic of South Africa, 1996',
    section: 's 154, s 155(6)',
  }),
  mandate({
    id: 'dedat-tourism-development',
    title: 'Provincial tourism development',
    holderId: 'wc-dedat',
    function: 'plan',
    strength: 'shared',
    issueIds: ['tourism-recreation', 'green-economy'],
    jurisdictionIds: ['western-cape'],
    instrument: 'Western Cape Tourism Act 1 of 2004',
  }),
  mandate({
    id: 'health-water-borne-disease',
    title: 'Surveillance of water-borne disease',
    holderId: 'wc-health',
    function: 'monitor',
    strength: 'supporting',
    issueIds: ['water-quality'],
    jurisdictionIds: ['western-cape'],
    instrument: NHA,
  }),
  mandate({
    id: 'capenature-river-conservation',
    title: 'Conserve aquatic and riparian ecosystems',
    holderId: 'capenature',
    function: 'implement',
    strength: 'shared',
    issueIds: ['river-ecosystem'],
    jurisdictionIds: ['western-cape'],
    instrument: 'Western Cape Nature Conservation Board Act 15 of 1998',
  }),
  mandate({
    id: 'wesgro-tourism-promotion',
    title: 'Promote the province to tourists',
    holderId: 'wesgro',
    function: 'implement',
    strength: 'supporting',
    issueIds: ['tourism-recreation'],
    jurisdictionIds: ['western-cape'],
    instrument: 'Western Cape Investment and Trade Promotion Agency Law, 1996',
  }),
  ...[
    ['cape-winelands-dm', 'cape-winelands'],
    ['west-coast-dm', 'west-coast'],
  ].map(([holder, place]) =>
    mandate({
      id: `${holder}-municipal-health`,
      title: 'Municipal health services: water quality monitoring',
      holderId: holder!,
      function: 'monitor',
      strength: 'core',
      issueIds: ['water-quality'],
      jurisdictionIds: [place!],
      instrument: NHA,
      section: 's 32',
    }),
  ),
  ...LOCALS.map(([id]) =>
    mandate({
      id: `${id}-water-services`,
      title: 'Water services authority: plan and provide water and sanitation',
      holderId: `${id}-municipality`,
      function: 'plan',
      strength: 'core',
      issueIds: ['effluent'],
      jurisdictionIds: [id],
      instrument: WSA,
      section: 's 11-12',
    }),
  ),
  mandate({
    id: 'drakenstein-informal-settlement-services',
    title: 'Basic services in informal settlements',
    holderId: 'drakenstein-municipality',
    function: 'implement',
    strength: 'shared',
    issueIds: ['informal-settlements'],
    jurisdictionIds: ['drakenstein'],
    instrument: 'Housing Act 107 of 1997',
  }),
  ...WORKS.map(([id, , muni]) =>
    mandate({
      id: `${id}-wwtw-operation`,
      title: 'Treat waste water to the discharge authorisation',
      holderId: `${id}-wwtw`,
      function: 'operate',
      strength: 'supporting',
      issueIds: ['effluent'],
      jurisdictionIds: [muni],
      instrument: NWA,
      section: 's 21(f) authorisation',
    }),
  ),
];

const member = (actorId: string, role: string) => ({ actorId, role });
const partnerships = [
  {
    id: 'brip-steering-committee',
    name: 'BRIP Steering Committee',
    kind: 'coordination_committee',
    purpose:
      'Steer the Berg River Improvement Plan: water quality and river health from Franschhoek to Laaiplek.',
    description: ILLUSTRATIVE,
    formedOn: '2012-06-01',
    issueIds: ['water-quality', 'river-ecosystem', 'informal-settlements'],
    jurisdictionIds: ['berg-river-catchment'],
    members: [
      member('wc-deadp', 'convener'),
      ...[
        'dws',
        'wc-agriculture',
        'wc-local-government',
        'wc-human-settlements',
        'wc-dedat',
        'wc-health',
      ].map((a) => member(a, 'steering')),
      ...[
        'cape-winelands-dm',
        'west-coast-dm',
        'capenature',
        ...LOCALS.map(([id]) => `${id}-municipality`),
      ].map((a) => member(a, 'rowing')),
      ...['stellenbosch-university', 'wwf-sa'].map((a) => member(a, 'cheering')),
      member('wrc', 'observer'),
    ],
  },
  {
    id: 'berg-catchment-forum',
    name: 'Berg River catchment forum',
    kind: 'forum',
    description: ILLUSTRATIVE,
    purpose: 'Water users along the river meet the regulator.',
    issueIds: ['water-quantity'],
    jurisdictionIds: ['berg-river-catchment'],
    members: [
      member('dws', 'convener'),
      member('berg-irrigation-farmers', 'member'),
      member('bergrivier-municipality', 'member'),
    ],
  },
];

const interest = (
  actorId: string,
  issueId: string,
  stance: string,
  influence: number,
  level: number,
) => ({
  actorId,
  issueId,
  stance,
  influence,
  interest: level,
});
const interests = [
  interest('agri-western-cape', 'agricultural-runoff', 'mixed', 4, 5),
  interest('berg-irrigation-farmers', 'water-quantity', 'mixed', 3, 5),
  interest('berg-irrigation-farmers', 'agricultural-runoff', 'opposes', 4, 4),
  interest('franschhoek-wine-valley', 'water-quality', 'supports', 3, 4),
  interest('berg-canoe-marathon', 'water-quality', 'supports', 2, 5),
  interest('wesgro', 'tourism-recreation', 'supports', 4, 4),
  interest('wwf-sa', 'river-ecosystem', 'supports', 4, 5),
  interest('stellenbosch-university', 'water-data', 'supports', 3, 5),
  interest('csir', 'water-data', 'neutral', 3, 3),
  interest('drakenstein-municipality', 'informal-settlements', 'supports', 5, 5),
];

const tie = (fromId: string, toId: string, kind: string, strength: number) => ({
  fromId,
  toId,
  kind,
  strength,
});
const ties = [
  tie('wc-deadp', 'dws', 'informs', 2),
  tie('wc-local-government', 'drakenstein-municipality', 'collaborates', 2),
  tie('wc-agriculture', 'agri-western-cape', 'collaborates', 2),
  tie('wc-dedat', 'wesgro', 'funds', 3),
  tie('dws', 'wrc', 'funds', 3),
  tie('stellenbosch-university', 'wc-deadp', 'informs', 2),
  tie('csir', 'stellenbosch-university', 'collaborates', 1),
  tie('berg-irrigation-farmers', 'berg-canoe-marathon', 'conflicts', 1),
  ...WORKS.map(([id, , muni]) => tie(`${id}-wwtw`, `${muni}-municipality`, 'reports_to', 3)),
];

const scores = (s: number[]): MaturityScores => {
  const [goals, resources, activities, communications, governance, systems, culture] = s as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { goals, resources, activities, communications, governance, systems, culture };
};
const assessments = [
  {
    partnershipId: 'brip-steering-committee',
    date: '2016-08-31',
    name: 'Baseline partnering maturity assessment',
    scores: scores([4, 3, 3, 2, 3, 2, 4]),
    notes: 'Alignment seeking (3-4); communications and shared systems lag. Illustrative scores.',
  },
  {
    partnershipId: 'brip-steering-committee',
    date: '2018-09-30',
    name: 'Follow-up assessment',
    scores: scores([5, 3, 4, 3, 4, 3, 4]),
    notes: 'Illustrative follow-up after a common brand platform and shared data protocols.',
  },
];

/** The sample as a JSON document in the model's own shape. */
export function bergRiverSample(): Record<string, unknown[]> {
  return structuredClone({
    levels,
    jurisdictions,
    issues,
    actors,
    mandates,
    partnerships,
    interests,
    ties,
    assessments,
  });
}
