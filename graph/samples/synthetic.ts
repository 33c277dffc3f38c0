/**
 * A deterministic synthetic country for scale tests: the same seed gives the
 * same graph. Defaults: 20,000 actors, 100,000 mandates, 5,000 jurisdictions
 * (country > province > district > municipality, plus cross-border areas),
 * 500 issues in a three-level taxonomy, 2,000 partnerships.
 * Main function: syntheticCountry.
 */
import { MANDATE_FUNCTIONS } from '../model/index.js';

export interface SyntheticOptions {
  seed?: number;
  actors?: number;
  mandates?: number;
  jurisdictions?: number;
  crossBorder?: number;
  issues?: number;
  partnerships?: number;
  interests?: number;
  ties?: number;
}

export type SyntheticDocument = Record<
  | 'levels'
  | 'jurisdictions'
  | 'issues'
  | 'actors'
  | 'mandates'
  | 'partnerships'
  | 'interests'
  | 'ties',
  Record<string, unknown>[]
>;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticCountry(options: SyntheticOptions = {}): SyntheticDocument {
  const o = {
    seed: 1,
    actors: 20_000,
    mandates: 100_000,
    jurisdictions: 5_000,
    crossBorder: 500,
    issues: 500,
    partnerships: 2_000,
    interests: 15_000,
    ties: 30_000,
    ...options,
  };
  const random = rng(o.seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

  const provinces = Math.max(1, Math.round(Math.sqrt(o.jurisdictions) / 7));
  const districts = provinces * 10;
  const municipalities = Math.max(1, o.jurisdictions - o.crossBorder - 1 - provinces - districts);
  const jurisdictions: Record<string, unknown>[] = [
    { id: 'c', name: 'Country', kind: 'country', levelId: 'national' },
  ];
  for (let p = 0; p < provinces; p += 1)
    jurisdictions.push({
      id: `p${p}`,
      name: `Province ${p}`,
      kind: 'province',
      levelId: 'provincial',
      parentId: 'c',
    });
  for (let d = 0; d < districts; d += 1)
    jurisdictions.push({
      id: `d${d}`,
      name: `District ${d}`,
      kind: 'district',
      levelId: 'district',
      parentId: `p${d % provinces}`,
    });
  const districtOf = (m: number) => Math.floor((m * districts) / municipalities);
  for (let m = 0; m < municipalities; m += 1)
    jurisdictions.push({
      id: `m${m}`,
      name: `Municipality ${m}`,
      kind: 'municipality',
      levelId: 'local',
      parentId: `d${districtOf(m)}`,
    });
  const areaMunis: number[][] = [];
  for (let a = 0; a < o.crossBorder; a += 1) {
    const start = int(municipalities);
    const span = 3 + int(6);
    const munis = Array.from({ length: span }, (_, k) => (start + k) % municipalities);
    areaMunis.push(munis);
    const provinceSet = new Set(munis.map((m) => districtOf(m) % provinces));
    const parentId = provinceSet.size === 1 ? `p${[...provinceSet][0]}` : 'c';
    jurisdictions.push({
      id: `x${a}`,
      name: `Catchment ${a}`,
      kind: 'catchment',
      parentId,
      overlaps: munis.map((m) => `m${m}`),
    });
  }

  const roots = Math.max(1, Math.round(o.issues / 50));
  const seconds = roots * 5;
  const issues: Record<string, unknown>[] = [];
  for (let r = 0; r < roots; r += 1) issues.push({ id: `i${r}`, name: `Issue ${r}` });
  for (let s = 0; s < seconds; s += 1)
    issues.push({ id: `i${r2(s)}`, name: `Issue ${r2(s)}`, parentId: `i${s % roots}` });
  const thirds = o.issues - roots - seconds;
  for (let t = 0; t < thirds; t += 1)
    issues.push({
      id: `i${roots + seconds + t}`,
      name: `Issue ${roots + seconds + t}`,
      parentId: `i${r2(t % seconds)}`,
    });
  function r2(s: number) {
    return roots + s;
  }
  const secondIssue = () => `i${roots + int(seconds)}`;
  const thirdIssue = () => `i${roots + seconds + int(Math.max(1, thirds))}`;

  const actors: Record<string, unknown>[] = [
    {
      id: 'a-nat',
      name: 'National Government',
      kind: 'other',
      sector: 'public',
      levelId: 'national',
      jurisdictionId: 'c',
    },
  ];
  /** A public body at a level, at home in a place, optionally part of a parent organisation. */
  const publicActor = (
    id: string,
    name: string,
    kind: string,
    levelId: string,
    jurisdictionId: string,
    parentId?: string,
  ) =>
    actors.push({
      id,
      name,
      kind,
      sector: 'public',
      levelId,
      jurisdictionId,
      ...(parentId ? { parentId } : {}),
    });
  const mandates: Record<string, unknown>[] = [];
  const add = (
    holderId: string,
    fn: string,
    issueIds: string[],
    jurisdictionIds: string[],
    strength = 'shared',
  ) => {
    const dated = random() < 0.05;
    mandates.push({
      id: `md${mandates.length}`,
      title: `Mandate ${mandates.length}`,
      function: fn,
      strength,
      holderId,
      issueIds,
      jurisdictionIds,
      ...(dated
        ? { validFrom: `${2000 + int(20)}-01-01`, validTo: `${2021 + int(10)}-12-31` }
        : {}),
    });
  };
  const budget = (share: number) => Math.round(o.mandates * share);
  const spread = (holders: string[], total: number, make: (holder: string, k: number) => void) => {
    for (let k = 0; k < total && holders.length > 0; k += 1) make(holders[k % holders.length]!, k);
  };
  const nationalDepts = Array.from({ length: 40 }, (_, k) => `a-nd${k}`);
  nationalDepts.forEach((id, k) =>
    publicActor(id, `National Department ${k}`, 'department', 'national', 'c', 'a-nat'),
  );
  spread(nationalDepts, budget(0.016), (h, k) =>
    add(
      h,
      pick(MANDATE_FUNCTIONS),
      [k % 3 === 0 ? `i${int(roots)}` : secondIssue()],
      ['c'],
      k % 4 === 0 ? 'core' : 'shared',
    ),
  );
  const provGov = Array.from({ length: provinces }, (_, p) => `a-pg${p}`);
  provGov.forEach((id, p) =>
    publicActor(id, `Provincial Government ${p}`, 'other', 'provincial', `p${p}`),
  );
  const provDepts = provGov.flatMap((_, p) =>
    Array.from({ length: 12 }, (__, k) => ({ id: `a-pd${p}-${k}`, p })),
  );
  provDepts.forEach(({ id, p }) =>
    publicActor(id, `Provincial Department ${id}`, 'department', 'provincial', `p${p}`, `a-pg${p}`),
  );
  spread(
    provDepts.map((d) => d.id),
    budget(0.058),
    (h) =>
      add(
        h,
        pick(MANDATE_FUNCTIONS),
        [random() < 0.4 ? secondIssue() : thirdIssue()],
        [`p${h.split('-')[1]!.slice(2)}`],
      ),
  );
  const districtMunis = Array.from({ length: districts }, (_, d) => `a-dm${d}`);
  districtMunis.forEach((id, d) =>
    publicActor(id, `District Municipality ${d}`, 'municipality', 'district', `d${d}`),
  );
  spread(districtMunis, budget(0.03), (h) =>
    add(h, pick(MANDATE_FUNCTIONS), [thirdIssue()], [`d${h.slice(4)}`]),
  );
  const localMunis = Array.from({ length: municipalities }, (_, m) => `a-lm${m}`);
  localMunis.forEach((id, m) =>
    publicActor(id, `Local Municipality ${m}`, 'municipality', 'local', `m${m}`),
  );
  const publicCount = actors.length;
  const others = Math.max(0, o.actors - publicCount);
  const sectors = ['private', 'private', 'civil_society', 'academic'] as const;
  const kinds = {
    private: ['business', 'industry_body'],
    civil_society: ['ngo', 'community_group'],
    academic: ['research'],
  } as const;
  for (let k = 0; k < others; k += 1) {
    const sector = pick(sectors);
    actors.push({
      id: `a-o${k}`,
      name: `Organisation ${k}`,
      kind: pick(kinds[sector]),
      sector,
      jurisdictionId: `m${int(municipalities)}`,
    });
  }
  const localBudget = o.mandates - mandates.length - budget(0.1);
  spread(localMunis, localBudget, (h) => {
    const m = Number(h.slice(4));
    const places = [`m${m}`];
    if (random() < 0.05) places.push(`m${(m + 1) % municipalities}`);
    add(h, pick(MANDATE_FUNCTIONS), [thirdIssue()], places, random() < 0.3 ? 'core' : 'shared');
  });
  const operators = actors
    .slice(publicCount)
    .filter((a) => a.sector === 'private')
    .map((a) => a);
  while (mandates.length < o.mandates && operators.length > 0) {
    const a = pick(operators);
    add(
      a.id as string,
      pick(['implement', 'operate', 'monitor']),
      [thirdIssue()],
      [a.jurisdictionId as string],
      'supporting',
    );
  }

  const actorIds = actors.map((a) => a.id as string);
  const partnerships = Array.from({ length: o.partnerships }, (_, k) => {
    const members = [...new Set(Array.from({ length: 3 + int(10) }, () => pick(actorIds)))];
    const roles = ['convener', 'steering', 'rowing', 'cheering', 'member'];
    return {
      id: `pt${k}`,
      name: `Partnership ${k}`,
      kind: 'partnership',
      issueIds: [secondIssue()],
      jurisdictionIds: [
        random() < 0.5 ? `d${int(districts)}` : `x${int(Math.max(1, o.crossBorder))}`,
      ],
      members: members.map((actorId, i) => ({ actorId, role: roles[Math.min(i, 4)] })),
    };
  });
  const interestKeys = new Set<string>();
  const interests: Record<string, unknown>[] = [];
  const stakeholders = actorIds.slice(publicCount);
  for (let k = 0; k < o.interests && stakeholders.length > 0; k += 1) {
    const actorId = pick(stakeholders);
    const issueId = random() < 0.3 ? secondIssue() : thirdIssue();
    if (interestKeys.has(`${actorId}~${issueId}`)) continue;
    interestKeys.add(`${actorId}~${issueId}`);
    interests.push({
      actorId,
      issueId,
      stance: pick(['supports', 'neutral', 'opposes', 'mixed']),
      influence: 1 + int(5),
      interest: 1 + int(5),
    });
  }
  const tieKeys = new Set<string>();
  const ties: Record<string, unknown>[] = [];
  for (let k = 0; k < o.ties; k += 1) {
    const from = int(actorIds.length);
    const fromId = actorIds[from]!;
    const toId =
      random() < 0.7 ? actorIds[(from + 1 + int(50)) % actorIds.length]! : pick(actorIds);
    const kind = pick(['collaborates', 'funds', 'reports_to', 'informs', 'contracts', 'conflicts']);
    if (fromId === toId || tieKeys.has(`${fromId}~${kind}~${toId}`)) continue;
    tieKeys.add(`${fromId}~${kind}~${toId}`);
    ties.push({ fromId, toId, kind, strength: 1 + int(3) });
  }
  const levels = [
    { id: 'national', name: 'National', rank: 1 },
    { id: 'provincial', name: 'Provincial', rank: 2 },
    { id: 'district', name: 'District', rank: 3 },
    { id: 'local', name: 'Local', rank: 4 },
  ];
  return { levels, jurisdictions, issues, actors, mandates, partnerships, interests, ties };
}
