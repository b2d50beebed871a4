import type { CreditError } from './credit-error';
import { checkEntityLoan, entityLoanOf, fundShortfallFen, type Entity } from './entity';
import { defaultLendingPolicy as p } from './policy';

const yuan = (y: number) => y * 100;
const entity = (o: Partial<Entity> = {}): Entity => ({
  id: 'en-1',
  name: '湖滨区某养殖合作社',
  kind: 'COOPERATIVE',
  registrationNo: '93411202MA0000000X',
  townshipId: 'tw-1',
  inGovBankInsurerAgreement: true,
  mutualFundPaidFen: 0,
  contributionRequests: [],
  loans: [],
  ...o,
});
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as CreditError).code;
  }
  return 'none';
};

describe('poverty-driving entity loans (spec credit §11.2, §13.6)', () => {
  const loan = { principalFen: yuan(800_000), rateBp: 522, termMonths: 36 };
  it('§22-17: an 800,000 yuan loan without 80,000 yuan in the mutual fund is MUTUAL_FUND_CONTRIBUTION_MISSING', () => {
    expect(code(() => checkEntityLoan(entity({ mutualFundPaidFen: yuan(79_999.99) }), loan, p))).toBe(
      'MUTUAL_FUND_CONTRIBUTION_MISSING',
    );
    expect(code(() => checkEntityLoan(entity({ mutualFundPaidFen: yuan(80_000) }), loan, p))).toBe('none');
  });
  it('§22-16: 523 bp is above the 522 bp cap (benchmark 475 + 10%, rounded down); 48 months exceeds the term', () => {
    const funded = entity({ mutualFundPaidFen: yuan(1_000_000) });
    expect(code(() => checkEntityLoan(funded, { ...loan, rateBp: 523 }, p))).toBe('RATE_ABOVE_CAP');
    expect(code(() => checkEntityLoan(funded, { ...loan, termMonths: 48 }, p))).toBe('TERM_EXCEEDS_MAX');
  });
  it('counts loans already reported against the fund', () => {
    const withLoan = entity({
      mutualFundPaidFen: yuan(80_000),
      loans: [
        entityLoanOf('l', {
          bankLoanNo: 'b',
          principalFen: yuan(800_000),
          rateBp: 500,
          termMonths: 12,
          contractDate: '2026-01-01',
        }),
      ],
    });
    expect(fundShortfallFen(withLoan, yuan(100_000), p)).toBe(yuan(10_000));
  });
});
