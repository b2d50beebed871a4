import type { CreditError } from './credit-error';
import { checkCenterStaffing, checkGroupRepresentatives, checkStationStaffing, checkVillageGroup } from './procedure';
import { isValidIdNumber, maskIdNumber, maskName, maskPhone, withCheckDigit } from './personal-data';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as CreditError).code;
  }
  return 'none';
};

describe('procedure and staffing rules', () => {
  it('§22-9: 23 households with 4 representatives is GROUP_REPRESENTATIVES_INSUFFICIENT; 5 pass (每5户推选1人)', () => {
    expect(codeOf(() => checkGroupRepresentatives(23, 4))).toBe('GROUP_REPRESENTATIVES_INSUFFICIENT');
    expect(codeOf(() => checkGroupRepresentatives(23, 5))).toBe('none');
  });
  it('§22-25: a station with 1 township and 1 bank staff is invalid; a village group of 4 is too small (§2.3)', () => {
    expect(codeOf(() => checkStationStaffing({ township: 1, bank: 1 }))).toBe('STATION_STAFFING_INVALID');
    expect(codeOf(() => checkStationStaffing({ township: 1, bank: 2 }))).toBe('none');
    expect(codeOf(() => checkVillageGroup(4))).toBe('VILLAGE_GROUP_TOO_SMALL');
    expect(codeOf(() => checkVillageGroup(5))).toBe('none');
    expect(codeOf(() => checkCenterStaffing({ financeOffice: 1, povertyOffice: 1, bank: 2, insurer: 1 }))).toBe(
      'CENTER_STAFFING_INVALID',
    );
  });
});

describe('personal data masking (spec credit §2.4, §9.1 N6)', () => {
  const id = withCheckDigit('41120219800101123');
  it('keeps the first 6 and last 4 characters of an identity number', () => {
    expect(maskIdNumber(id)).toBe(`411202********${id.slice(-4)}`);
    expect(maskIdNumber(id)).not.toContain('19800101');
  });
  it('masks phone and name', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskName('张三丰')).toBe('张**');
  });
  it('validates the identity number check character', () => {
    expect(isValidIdNumber(id)).toBe(true);
    expect(isValidIdNumber(id.slice(0, 17) + (id[17] === '1' ? '2' : '1'))).toBe(false);
  });
});
