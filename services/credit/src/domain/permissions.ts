import { hasRole, type Actor } from '@gov/platform/auth';
import { CreditError } from './credit-error';

/** Every role that works on credit data; DATA_PROVIDER only pushes records, HOUSEHOLD sees only its own file. */
const staffReaders = [
  'LG_OFFICE',
  'POVERTY_OFFICE',
  'CENTER_STAFF',
  'STATION_STAFF',
  'VILLAGE_COLLECTOR',
  'VILLAGE_PANEL',
  'BANK_OFFICER',
  'INSURER_OFFICER',
  'AUDITOR',
  'SYSTEM',
] as const;

/** Who may do what (spec credit §2.4 [inferred]); SYSTEM covers the service's own jobs and consumers. */
export const permissions = {
  registerHousehold: ['VILLAGE_COLLECTOR', 'CENTER_STAFF', 'POVERTY_OFFICE'],
  rateHousehold: ['CENTER_STAFF', 'STATION_STAFF', 'SYSTEM'],
  screenHousehold: ['VILLAGE_PANEL', 'STATION_STAFF', 'CENTER_STAFF'],
  openNotice: ['VILLAGE_PANEL', 'STATION_STAFF'],
  fileObjection: ['HOUSEHOLD', 'VILLAGE_COLLECTOR', 'VILLAGE_PANEL', 'STATION_STAFF', 'CENTER_STAFF'],
  closeNotice: ['VILLAGE_PANEL', 'STATION_STAFF', 'SYSTEM'],
  resolveObjection: ['VILLAGE_PANEL', 'STATION_STAFF'],
  decideCredit: ['BANK_OFFICER'],
  reportLoan: ['BANK_OFFICER', 'CENTER_STAFF', 'SYSTEM'],
  evaluateRisk: ['CENTER_STAFF', 'LG_OFFICE', 'SYSTEM'],
  // the service's own jobs (R15.4 escalation, §9.3 expiry); the center may run them by hand
  sweepOverdueTasks: ['CENTER_STAFF', 'SYSTEM'],
  expireCertificates: ['CENTER_STAFF', 'SYSTEM'],
  importHouseholds: ['CENTER_STAFF', 'SYSTEM'],
  liftBreaker: ['LG_OFFICE'],
  submitApplication: ['HOUSEHOLD', 'VILLAGE_COLLECTOR', 'CENTER_STAFF', 'BANK_OFFICER'],
  reviewByGroup: ['VILLAGE_PANEL'],
  assessVillage: ['VILLAGE_PANEL'],
  // N3: the township publishes grades
  openGradeNotice: ['STATION_STAFF'],
  registerEntity: ['POVERTY_OFFICE'],
  recordContribution: ['CENTER_STAFF'],
  // the risk scheme (§13.3, §14.3, §15.4): the center runs the fund, bank and insurer confirm their own shares
  manageRiskFund: ['CENTER_STAFF', 'LG_OFFICE', 'SYSTEM'],
  confirmBankShare: ['BANK_OFFICER', 'SYSTEM'],
  confirmInsurerShare: ['INSURER_OFFICER', 'SYSTEM'],
  settleLossCase: ['CENTER_STAFF'],
  recordLossRecovery: ['CENTER_STAFF', 'BANK_OFFICER', 'SYSTEM'],
  recordClaimPayout: ['INSURER_OFFICER', 'SYSTEM'],
  // the fund's balance and loss cases: the scheme's parties, not households [inferred, §2.4]
  // 贴息 (R12.4): the center verifies, approves and records the transfer; the leading group may read the late list
  approveSubsidy: ['CENTER_STAFF'],
  paySubsidy: ['CENTER_STAFF'],
  readSubsidies: ['CENTER_STAFF', 'LG_OFFICE', 'SYSTEM'],
  // R17.3: a higher grade takes effect only once the bank confirms it
  confirmUpgrade: ['BANK_OFFICER'],
  readRisk: ['CENTER_STAFF', 'LG_OFFICE', 'POVERTY_OFFICE', 'BANK_OFFICER', 'INSURER_OFFICER', 'SYSTEM'],
  // §3.1 geography: the leading-group office and the center keep the district's register of units
  manageGeography: ['LG_OFFICE', 'CENTER_STAFF'],
  readGeography: staffReaders,
  // a household's file (household, credit line and certificate, applications): the staff, within their
  // jurisdiction, and the household's own login (its own file only, §2.4)
  readHouseholdFile: [...staffReaders, 'HOUSEHOLD'],
} as const satisfies Record<string, readonly string[]>;

/** Returns the role the actor acts in for this command, or refuses with NOT_PERMITTED. */
export function roleFor(actor: Actor, action: keyof typeof permissions): string {
  const allowed: readonly string[] = permissions[action];
  const role = actor.roles.find((r) => allowed.includes(r));
  if (!role || !hasRole(actor, role))
    throw new CreditError('NOT_PERMITTED', `${action} needs one of ${allowed.join(', ')}`);
  return role;
}
