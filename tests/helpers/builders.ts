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
