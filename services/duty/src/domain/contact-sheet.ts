import { DutyError } from './duty-error';
import type { Chain } from './incident';
import type { ReportTarget } from './reporting-policy';
import type { Contact, Shift, ShiftType, StandingRole } from './roster';

/** A person on the sheet with who stands in for them (spec duty §10 WH-6, §9.5 AK-3). */
export interface SheetPerson {
  personId: string;
  name: string;
  phone: string;
  away: boolean;
  substitute?: { personId: string; name: string; phone: string };
}

/** 值班应急联络表 — what a shift needs on paper if the systems fail (spec duty §9.11 NF-8). */
export interface ContactSheet {
  /** The local date (Asia/Shanghai) whose duty day the sheet covers. */
  date: string;
  /** The duty day: from the day-shift start of `date` to the same time the next day. */
  from: Date;
  to: Date;
  generatedAt: Date;
  shifts: { type: ShiftType; startsAt: Date; endsAt: Date; person: SheetPerson }[];
  chain: { chain: Chain; slot: string; person?: SheetPerson }[];
  targets: {
    id: string;
    name: string;
    level: ReportTarget['level'];
    /** PO-1: whether the desk or the party office makes this report. */
    mode: ReportTarget['mode'];
    phones: string[];
    fax: string;
    limits: string[];
  }[];
}

const shanghaiMs = 8 * 3600_000;
const dayMs = 86_400_000;

/** The duty day of local date `date` (YYYY-MM-DD) that starts at `dayStartMinute` local time. */
export function dutyDay(date: string, dayStartMinute: number): { from: Date; to: Date } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const midnightUtc = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(midnightUtc) || new Date(midnightUtc).toISOString().slice(0, 10) !== date)
    throw new DutyError('CONTACT_SHEET_INVALID', 'date must be a calendar date YYYY-MM-DD', [
      { field: 'date', message: 'expected YYYY-MM-DD' },
    ]);
  const from = new Date(midnightUtc - shanghaiMs + dayStartMinute * 60_000);
  return { from, to: new Date(from.getTime() + dayMs) };
}

/** The local date whose duty day contains `t` (before the day-shift start it is still the previous day's). */
export function dutyDateOf(t: Date, dayStartMinute: number): string {
  return new Date(t.getTime() + shanghaiMs - dayStartMinute * 60_000).toISOString().slice(0, 10);
}

/** Who stands in for a standing role's holder when away, unless the contact names someone (AK-3). */
const standingSubstitute: Partial<Record<StandingRole, StandingRole>> = {
  OFFICE_DIRECTOR: 'OFFICE_ACTING_DIRECTOR',
  GOV_PRINCIPAL: 'GOV_EXEC_DEPUTY',
};

/** The chains of spec duty §9.4 as printed: the holders in order, the substitutes beside them. */
const chainSlots: { chain: Chain; slot: string; role?: StandingRole; shift?: ShiftType }[] = [
  { chain: 'OFFICE', slot: 'OFFICE_LEADER_ON_DUTY', shift: 'OFFICE_LEADER_24H' },
  { chain: 'OFFICE', slot: 'OFFICE_DEPUTY', role: 'OFFICE_DEPUTY' },
  { chain: 'OFFICE', slot: 'OFFICE_DIRECTOR', role: 'OFFICE_DIRECTOR' },
  { chain: 'GOV', slot: 'GOV_LEADER_ON_DUTY', shift: 'GOV_LEADER_24H' },
  { chain: 'GOV', slot: 'GOV_PRINCIPAL', role: 'GOV_PRINCIPAL' },
];

/**
 * Builds the NF-8 sheet for one duty day: every shift overlapping it with its holder, the office and government
 * chains with each holder's substitute, and the upward report targets with their numbers and time limits.
 */
export function buildContactSheet(input: {
  date: string;
  from: Date;
  to: Date;
  generatedAt: Date;
  shifts: Shift[];
  contact: (personId: string) => Contact | undefined;
  byRole: Partial<Record<StandingRole, string>>;
  targets: ReportTarget[];
}): ContactSheet {
  const person = (personId: string, role?: StandingRole): SheetPerson => {
    const c = input.contact(personId);
    const subId =
      c?.substituteId ?? (role && standingSubstitute[role] ? input.byRole[standingSubstitute[role]!] : undefined);
    const sub = subId ? input.contact(subId) : undefined;
    return {
      personId,
      name: c?.name ?? personId,
      phone: c?.phone ?? '',
      away: c?.away ?? false,
      ...(subId ? { substitute: { personId: subId, name: sub?.name ?? subId, phone: sub?.phone ?? '' } } : {}),
    };
  };
  const shifts = input.shifts
    .filter((s) => s.startsAt.getTime() < input.to.getTime() && s.endsAt.getTime() > input.from.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.type.localeCompare(b.type))
    .map((s) => ({ type: s.type, startsAt: s.startsAt, endsAt: s.endsAt, person: person(s.personId) }));
  const chain = chainSlots.flatMap((c) => {
    const holders = c.shift
      ? [...new Set(shifts.filter((s) => s.type === c.shift).map((s) => s.person.personId))]
      : c.role && input.byRole[c.role]
        ? [input.byRole[c.role]!]
        : [];
    if (!holders.length) return [{ chain: c.chain, slot: c.slot }];
    return holders.map((h) => ({ chain: c.chain, slot: c.slot, person: person(h, c.role) }));
  });
  const targets = input.targets.map((t) => ({
    id: t.id,
    name: t.name,
    level: t.level,
    mode: t.mode,
    phones: t.phones ?? [],
    fax: t.fax ?? '',
    limits: t.rules.map(
      (r) =>
        `${r.severities.map((s) => (s === 'UNKNOWN_MAJOR' ? 'UNKNOWN(possibly major)' : s)).join('/')}: ` +
        `phone ${r.phoneLimitMin} min, written ${r.writtenLimitMin} min`,
    ),
  }));
  return { date: input.date, from: input.from, to: input.to, generatedAt: input.generatedAt, shifts, chain, targets };
}

/** HH:MM in Asia/Shanghai, with the local date when it is not the sheet's date. */
function local(t: Date, date: string): string {
  const iso = new Date(t.getTime() + shanghaiMs).toISOString();
  return iso.slice(0, 10) === date ? iso.slice(11, 16) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}

const who = (p: SheetPerson) =>
  `${p.name} (${p.personId}) tel ${p.phone || '—'}${p.away ? ' [AWAY]' : ''}` +
  (p.substitute ? `; substitute ${p.substitute.name} (${p.substitute.personId}) tel ${p.substitute.phone || '—'}` : '');

/** The sheet as plain text for printing: fixed sections, one line per person or target, no markup. */
export function renderContactSheet(s: ContactSheet): string {
  const lines = [
    `DUTY CONTACT SHEET 值班应急联络表 — ${s.date}`,
    `Duty day ${local(s.from, s.date)} to ${local(s.to, s.date)} (Asia/Shanghai). Printed from the system at ${s.generatedAt.toISOString()};`,
    'use it when the systems are down (spec duty §9.11 NF-8).',
    '',
    'ON DUTY 值班安排',
    ...(s.shifts.length
      ? s.shifts.map(
          (x) => `  ${x.type.padEnd(18)} ${local(x.startsAt, s.date)}-${local(x.endsAt, s.date)}  ${who(x.person)}`,
        )
      : ['  (no published roster covers this day)']),
    '',
    'CHAIN OF COMMAND 报告顺序 (call in order; when someone is away call the substitute)',
    ...s.chain.map((c) => `  ${c.chain.padEnd(6)} ${c.slot.padEnd(22)} ${c.person ? who(c.person) : '(nobody named)'}`),
    '',
    'UPWARD REPORT TARGETS 上报对象 (limits count from occurrence)',
    ...s.targets.flatMap((t) => [
      `  ${t.name} [${t.level}] tel ${t.phones.length ? t.phones.join(' / ') : '—'}${t.fax ? `; fax ${t.fax}` : ''}`,
      ...(t.mode === 'VIA_PARTY_OFFICE'
        ? ['      reported by the party office 由党委办报告; record its confirmation']
        : []),
      ...t.limits.map((l) => `      ${l}`),
    ]),
    '',
  ];
  return lines.join('\n');
}
