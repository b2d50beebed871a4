import { DutyError } from './duty-error';
import { contact, coveredDay, sh } from './duty.fixtures';
import { buildContactSheet, dutyDateOf, dutyDay, renderContactSheet } from './contact-sheet';
import { defaultReportingPolicy } from './reporting-policy';

const dayStart = 8 * 60 + 30;
const contacts = [
  contact('o1'),
  contact('o2'),
  contact('l1', { phone: '13800000001' }),
  contact('g1'),
  contact('dir', { standingRole: 'OFFICE_DIRECTOR', away: true }),
  contact('act', { standingRole: 'OFFICE_ACTING_DIRECTOR' }),
  contact('head', { standingRole: 'GOV_PRINCIPAL', substituteId: 'exec' }),
  contact('exec', { standingRole: 'GOV_EXEC_DEPUTY' }),
];
const byRole = {
  OFFICE_DIRECTOR: 'dir',
  OFFICE_ACTING_DIRECTOR: 'act',
  GOV_PRINCIPAL: 'head',
  GOV_EXEC_DEPUTY: 'exec',
} as const;

describe(dutyDay.name, () => {
  it('covers the duty day from the day-shift start to the same time next day, Shanghai time (spec duty §4.1)', () => {
    expect(dutyDay('2024-10-03', dayStart)).toEqual({ from: sh('2024-10-03 08:30'), to: sh('2024-10-04 08:30') });
    expect(dutyDateOf(sh('2024-10-04 08:00'), dayStart)).toBe('2024-10-03');
    expect(dutyDateOf(sh('2024-10-04 08:30'), dayStart)).toBe('2024-10-04');
  });

  it('refuses a date that is not on the calendar', () => {
    for (const bad of ['2024-02-30', '2024-2-3', 'today']) expect(() => dutyDay(bad, dayStart)).toThrow(DutyError);
  });
});

describe(buildContactSheet.name, () => {
  const { from, to } = dutyDay('2024-10-03', dayStart);
  const sheet = buildContactSheet({
    date: '2024-10-03',
    from,
    to,
    generatedAt: sh('2024-10-03 07:00'),
    shifts: [...coveredDay('2024-10-02'), ...coveredDay('2024-10-03')],
    contact: (id) => contacts.find((c) => c.personId === id),
    byRole,
    targets: [
      { ...defaultReportingPolicy.targets[0]!, phones: ['0854-8222000'], fax: '0854-8222002' },
      defaultReportingPolicy.targets[1]!,
    ],
  });

  it('lists the shifts of the day, the chains with substitutes and the targets with their numbers (spec duty §9.11 NF-8)', () => {
    expect(sheet.shifts.map((s) => `${s.type}:${s.person.personId}`)).toEqual([
      'GOV_LEADER_24H:g1',
      'OFFICE_DAY:o1',
      'OFFICE_LEADER_24H:l1',
      'OFFICE_NIGHT:o2',
    ]);
    const slot = (name: string) => sheet.chain.find((c) => c.slot === name);
    expect(slot('OFFICE_LEADER_ON_DUTY')?.person).toMatchObject({ personId: 'l1', phone: '13800000001' });
    expect(slot('OFFICE_DIRECTOR')?.person).toMatchObject({
      personId: 'dir',
      away: true,
      substitute: { personId: 'act' },
    });
    expect(slot('GOV_PRINCIPAL')?.person?.substitute?.personId).toBe('exec');
    expect(slot('OFFICE_DEPUTY')?.person).toBeUndefined();
    expect(sheet.targets[0]).toMatchObject({ phones: ['0854-8222000'], fax: '0854-8222002' });
    expect(sheet.targets[0]?.limits[0]).toBe('I/II/UNKNOWN(possibly major): phone 10 min, written 30 min');
  });

  it('renders plain text for printing, one line per person and target', () => {
    const text = renderContactSheet(sheet);
    expect(text).toContain('DUTY CONTACT SHEET 值班应急联络表 — 2024-10-03');
    expect(text).toContain('OFFICE_NIGHT       18:00-10-04 08:30  o2 (o2)');
    expect(text).toContain('OFFICE OFFICE_DIRECTOR        dir (dir) tel 13800000dir [AWAY]; substitute act (act)');
    expect(text).toContain('OFFICE OFFICE_DEPUTY          (nobody named)');
    expect(text).toContain('州人民政府总值班室 [FIRST_SUPERIOR] tel 0854-8222000; fax 0854-8222002');
    expect(text).toContain('省人民政府总值班室 [PROVINCE] tel —');
    expect(text).not.toMatch(/[<>{}]/);
  });
});
