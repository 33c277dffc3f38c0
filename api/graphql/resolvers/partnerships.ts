import type { IResolvers } from 'mercurius';
import type { MemberRole, Partnership } from '../../../graph/index.js';
import { plainInput } from '../context.js';
import { crudResolvers } from '../crud.js';

interface MemberArgs {
  partnershipId: string;
  actorId: string;
  role?: MemberRole;
  expectedVersion?: number | null;
}

const withMember = (p: Partnership, actorId: string, role: MemberRole) => ({
  members: p.members.some((m) => m.actorId === actorId)
    ? p.members.map((m) => (m.actorId === actorId ? { actorId, role } : m))
    : [...p.members, { actorId, role }],
});

export const partnershipResolvers: IResolvers[] = [
  crudResolvers({
    type: 'partnership',
    single: 'partnership',
    plural: 'partnerships',
    typeName: 'Partnership',
  }),
  crudResolvers({
    type: 'assessment',
    single: 'assessment',
    plural: 'assessments',
    typeName: 'Assessment',
  }),
  {
    Mutation: {
      setPartnershipMember: (_: unknown, a: MemberArgs, ctx) =>
        ctx.graph.update(
          'partnership',
          a.partnershipId,
          (p) => withMember(p, a.actorId, a.role ?? 'member'),
          a.expectedVersion ?? undefined,
          ctx.principal,
        ),
      removePartnershipMember: (_: unknown, a: MemberArgs, ctx) =>
        ctx.graph.update(
          'partnership',
          a.partnershipId,
          (p) => ({ members: p.members.filter((m) => m.actorId !== a.actorId) }),
          a.expectedVersion ?? undefined,
          ctx.principal,
        ),
      recordAssessment: (_: unknown, { input }: { input: object }, ctx) =>
        ctx.graph.put('assessment', plainInput(input), ctx.principal),
    },
  },
];
