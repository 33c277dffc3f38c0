/**
 * Who may do what. Roles are ordered: viewer (read) < editor (write, import)
 * < admin (delete, restore, audit, migrate, tokens). Every mutation must be
 * listed here: the guard refuses to start with an unclassified one, and a test
 * enumerates the schema to keep it so.
 */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function allows(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/** The role each mutation needs. Deletes are admin's: they can remove much at once (cascade). */
export const MUTATION_ROLES: Readonly<Record<string, Role>> = {
  createGovernmentLevel: 'editor',
  updateGovernmentLevel: 'editor',
  deleteGovernmentLevel: 'admin',
  createJurisdiction: 'editor',
  updateJurisdiction: 'editor',
  deleteJurisdiction: 'admin',
  createIssueArea: 'editor',
  updateIssueArea: 'editor',
  deleteIssueArea: 'admin',
  createActor: 'editor',
  updateActor: 'editor',
  deleteActor: 'admin',
  createMandate: 'editor',
  updateMandate: 'editor',
  deleteMandate: 'admin',
  createPartnership: 'editor',
  updatePartnership: 'editor',
  deletePartnership: 'admin',
  setPartnershipMember: 'editor',
  removePartnershipMember: 'editor',
  createInterest: 'editor',
  updateInterest: 'editor',
  deleteInterest: 'admin',
  createTie: 'editor',
  updateTie: 'editor',
  deleteTie: 'admin',
  createAssessment: 'editor',
  updateAssessment: 'editor',
  deleteAssessment: 'admin',
  recordAssessment: 'editor',
  importData: 'editor',
  restoreDeleted: 'admin',
};

/** Query fields above viewer. Every other query field needs viewer. */
export const SENSITIVE_QUERY_ROLES: Readonly<Record<string, Role>> = {
  auditLog: 'admin',
};

/** HTTP routes besides /graphql that need more than viewer. */
export const ROUTE_ROLES: Readonly<Record<string, Role>> = {
  'POST /api/import': 'editor',
  'GET /api/export/:format': 'viewer',
};
