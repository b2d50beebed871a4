import type { CreditLine, Loan } from './credit-line';
import { townshipBooks } from './npl-snapshot';
import { defaultLendingPolicy as p } from './policy';
import { nplAbove } from './risk';

const loan = (outstandingPrincipalFen: number, status: Loan['status'] = 'REPAYING') =>
  ({ id: `l${Math.random()}`, outstandingPrincipalFen, status }) as Loan;
const line = (villageId: string, loans: Loan[], status: CreditLine['status'] = 'ACTIVE') =>
  ({ id: `cl-${villageId}-${loans.length}`, villageId, townshipId: 't1', status, loans }) as CreditLine;

describe(townshipBooks.name, () => {
  it('§13.4: a village at exactly 3.00% shows 300 bp and is not above the threshold; 3.01% is', () => {
    const books = townshipBooks('t1', [
      line('v-a', [loan(9_700), loan(300, 'NON_PERFORMING')]),
      line('v-b', [loan(9_699), loan(301, 'NON_PERFORMING')]),
    ]);
    expect(books).toEqual([
      { unitType: 'VILLAGE', unitId: 'v-a', townshipId: 't1', outstandingFen: 10_000, nplFen: 300, nplBp: 300 },
      { unitType: 'VILLAGE', unitId: 'v-b', townshipId: 't1', outstandingFen: 10_000, nplFen: 301, nplBp: 301 },
      { unitType: 'TOWNSHIP', unitId: 't1', townshipId: 't1', outstandingFen: 20_000, nplFen: 601, nplBp: 300 },
    ]);
    const [a, b] = books;
    expect(nplAbove(a!.nplFen, a!.outstandingFen, p.breakerVillageNplBp)).toBe(false);
    expect(nplAbove(b!.nplFen, b!.outstandingFen, p.breakerVillageNplBp)).toBe(true);
  });
  it('§13.4: counts the loans on revoked and expired lines, and a village with nothing lent is 0 bp', () => {
    const books = townshipBooks('t1', [
      line('v-c', [loan(5_000, 'NON_PERFORMING')], 'REVOKED'),
      line('v-c', [loan(5_000)], 'EXPIRED'),
      line('v-d', [loan(0, 'SETTLED')]),
    ]);
    expect(books.map((b) => [b.unitId, b.outstandingFen, b.nplFen, b.nplBp])).toEqual([
      ['v-c', 10_000, 5_000, 5000],
      ['v-d', 0, 0, 0],
      ['t1', 10_000, 5_000, 5000],
    ]);
  });
});
