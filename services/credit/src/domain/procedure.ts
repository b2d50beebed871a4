import { CreditError } from './credit-error';

/**
 * Staffing and panel rules of the rating procedure (spec credit §2.3, §5.1-5.2). The "general" ranges of the
 * village assessment are warnings; group representatives and staffing are hard rules.
 */

/** 每5户推选1人: representatives ≥ ceil(households / 5) (spec credit §5.2, seed L1132). */
export function checkGroupRepresentatives(householdsInGroup: number, representatives: number, perHouseholds = 5): void {
  const needed = Math.ceil(householdsInGroup / perHouseholds);
  if (representatives < needed)
    throw new CreditError(
      'GROUP_REPRESENTATIVES_INSUFFICIENT',
      `${householdsInGroup} households need ${needed} representatives, ${representatives} were elected`,
    );
}

/** Township service station: exactly 1 township and 2 bank staff (spec credit §2.3, seed L958). */
export function checkStationStaffing(staff: { township: number; bank: number }): void {
  if (staff.township !== 1 || staff.bank !== 2)
    throw new CreditError('STATION_STAFFING_INVALID', 'a station has exactly 1 township and 2 bank staff');
}

/** District service center: 1 finance office, 1 poverty office, 2 bank, 2 insurer (spec credit §2.3, seed L946). */
export function checkCenterStaffing(s: {
  financeOffice: number;
  povertyOffice: number;
  bank: number;
  insurer: number;
}): void {
  if (s.financeOffice !== 1 || s.povertyOffice !== 1 || s.bank !== 2 || s.insurer !== 2)
    throw new CreditError('CENTER_STAFFING_INVALID', 'the center has 1 finance, 1 poverty, 2 bank and 2 insurer staff');
}

/** Village collection group: at least 5 members (每村至少5人以上, spec credit §2.3, seed L972). */
export function checkVillageGroup(members: number, minimum = 5): void {
  if (members < minimum) throw new CreditError('VILLAGE_GROUP_TOO_SMALL', `a village group needs ${minimum} members`);
}
