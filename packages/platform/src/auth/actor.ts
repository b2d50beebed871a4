/** 密级 of information and of a person's clearance, lowest first. */
export const clearanceLevels = ['PUBLIC', 'INTERNAL', 'SECRET', 'CONFIDENTIAL', 'TOP_SECRET'] as const;
export type Clearance = (typeof clearanceLevels)[number];

/** The authenticated caller: who, in which org unit, with which roles and clearance. */
export interface Actor {
  userId: string;
  name: string;
  orgUnitId: string;
  roles: readonly string[];
  clearance: Clearance;
}

export const clearanceRank = (c: Clearance): number => clearanceLevels.indexOf(c);

/** True when someone cleared to `held` may see information classified `required`. */
export const clears = (held: Clearance, required: Clearance): boolean => clearanceRank(held) >= clearanceRank(required);

export const hasRole = (actor: Actor, ...roles: string[]): boolean => roles.some((r) => actor.roles.includes(r));

/** The identity used for work the system does on its own (relays, timers, consumers). */
export const systemActor: Actor = {
  userId: 'system',
  name: 'system',
  orgUnitId: 'system',
  roles: ['SYSTEM'],
  clearance: 'TOP_SECRET',
};
