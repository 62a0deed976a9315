// Roles and what a user holds. A role is held in a region (null: every region) and, for a data clerk,
// for one unit. Plans belong to regions: a role in a region covers the plans of that region and of the
// regions below it (a municipal deployment holds many districts).

export const ROLES = ['admin', 'planOffice', 'clerk', 'reviewer', 'leader', 'public'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleGrant {
  role: Role;
  /** null: every region (system admin) */
  regionId: number | null;
  regionName?: string | null;
  /** the unit a clerk reports for */
  unit: string | null;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  roles: RoleGrant[];
}

/** Who did something: a signed-in user over HTTP, or the command line on the store's own machine. */
export interface Actor {
  userId: number | null;
  name: string;
  ip: string | null;
  /** the user's grants, when the action is checked against them; undefined = trusted (command line) */
  user?: User;
}

/** Changes made by the system itself (loading the built-in data), or by code that names no one. */
export const SYSTEM_ACTOR: Actor = { userId: null, name: 'system', ip: null };

export function cliActor(): Actor {
  return { userId: null, name: `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`, ip: null };
}

/** Grants of the user that cover a region, given the region's chain of ancestors (itself first). */
export function grantsFor(user: User, regionChain: number[]): RoleGrant[] {
  return user.roles.filter((g) => g.regionId === null || regionChain.includes(g.regionId));
}

/** The units a user may enter figures for in a region, or 'all' (plan office, admin). */
export function unitsFor(user: User, regionChain: number[]): 'all' | Set<string> {
  const grants = grantsFor(user, regionChain);
  if (grants.some((g) => g.role === 'admin' || g.role === 'planOffice')) return 'all';
  return new Set(grants.filter((g) => g.role === 'clerk' && g.unit).map((g) => g.unit!));
}
