import { bookOf, type CreditLine } from './credit-line';
import { nplBp } from './risk';

/**
 * NplSnapshot — the official month-end NPL ratio of a village or township (spec credit §13.4 "official
 * NplSnapshot at each month end", §19.2). One per unit and month end; the id derives from both.
 */
export interface NplSnapshot {
  id: string;
  unitType: 'VILLAGE' | 'TOWNSHIP';
  unitId: string;
  townshipId: string;
  /** The month end (YYYY-MM-DD, Asia/Shanghai). */
  asOf: string;
  outstandingFen: number;
  nplFen: number;
  /** Rounded down; decisions compare the fen amounts exactly (risk.ts nplAbove). */
  nplBp: number;
  takenAt: Date;
}

export type UnitBook = Pick<NplSnapshot, 'unitType' | 'unitId' | 'townshipId' | 'outstandingFen' | 'nplFen' | 'nplBp'>;

/**
 * Books of one township and each of its villages from the lines' loans. Lines of every status count: a revoked
 * or expired line still carries the loans drawn on it, and the non-performing ones are what the ratio is about.
 */
export function townshipBooks(townshipId: string, lines: CreditLine[]): UnitBook[] {
  const unit = (unitType: UnitBook['unitType'], unitId: string, of: CreditLine[]): UnitBook => {
    const b = bookOf(of);
    return { unitType, unitId, townshipId, ...b, nplBp: nplBp(b.nplFen, b.outstandingFen) };
  };
  const villages = [...new Set(lines.map((l) => l.villageId))].sort();
  return [
    ...villages.map((v) =>
      unit(
        'VILLAGE',
        v,
        lines.filter((l) => l.villageId === v),
      ),
    ),
    unit('TOWNSHIP', townshipId, lines),
  ];
}
