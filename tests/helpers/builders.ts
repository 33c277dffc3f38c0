/** Small builders for model input, for table-driven tests. */
export const aLevel = (id: string, rank: number) => ({ id, name: id, rank });
export const aPlace = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  kind: 'other',
  ...extra,
});
export const anIssue = (id: string, parentId?: string) => ({
  id,
  name: id,
  ...(parentId ? { parentId } : {}),
});
export const anActor = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  kind: 'department',
  sector: 'public',
  ...extra,
});
export const aMandate = (
  id: string,
  holderId: string,
  issueIds: string[],
  jurisdictionIds: string[],
  extra: Record<string, unknown> = {},
) => ({
  id,
  title: id,
  function: 'regulate',
  strength: 'core',
  holderId,
  issueIds,
  jurisdictionIds,
  ...extra,
});
export const aPartnership = (
  id: string,
  members: string[],
  extra: Record<string, unknown> = {},
) => ({
  id,
  name: id,
  kind: 'partnership',
  members: members.map((actorId) => ({ actorId, role: 'member' })),
  ...extra,
});
export const anInterest = (
  actorId: string,
  issueId: string,
  influence: number,
  interest: number,
) => ({
  actorId,
  issueId,
  stance: 'supports',
  influence,
  interest,
});
export const aTie = (fromId: string, toId: string, kind = 'collaborates') => ({
  fromId,
  toId,
  kind,
});

/**
 * A graph of `n` actors (a0, a1, ...) who are all in one partnership,
 * "everyone": its network has n(n-1)/2 edges, so its metrics take a while.
 */
export const aCliqueGraph = (n: number) => {
  const actors = Array.from({ length: n }, (_, i) => anActor(`a${i}`));
  return {
    levels: [aLevel('national', 1)],
    jurisdictions: [aPlace('country')],
    issues: [anIssue('water')],
    actors,
    mandates: [aMandate('m0', 'a0', ['water'], ['country'])],
    partnerships: [
      aPartnership(
        'everyone',
        actors.map((a) => a.id),
      ),
    ],
  };
};
