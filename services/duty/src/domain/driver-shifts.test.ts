import { defaultCalendar } from '@gov/platform/calendar';
import { defaultShiftPolicy } from './roster';
import { defaultDriverShiftPolicy, driverShifts, officeShifts } from './driver-shifts';

const at = (iso: string) => new Date(`${iso}+08:00`);
const windows = (s: { type: string; startsAt: Date; endsAt: Date }[]) =>
  s.map((w) => [w.type, w.startsAt.toISOString(), w.endsAt.toISOString()]);

describe('driverShifts', () => {
  it('gives drivers 08:30-18:30 and 18:30-08:30 on a public holiday while office duty stays 08:30-18:00 and 18:00-08:30 (spec duty §13 DR-1, §19 scenario 29)', () => {
    const day = at('2024-10-02T00:00:00'); // National Day holiday
    expect(windows(driverShifts(day, 1, defaultCalendar, defaultDriverShiftPolicy))).toEqual(
      windows([
        { type: 'DRIVER_HOLIDAY_DAY', startsAt: at('2024-10-02T08:30:00'), endsAt: at('2024-10-02T18:30:00') },
        { type: 'DRIVER_HOLIDAY_NIGHT', startsAt: at('2024-10-02T18:30:00'), endsAt: at('2024-10-03T08:30:00') },
      ]),
    );
    expect(windows(officeShifts(day, 1, defaultCalendar, defaultShiftPolicy))).toEqual(
      windows([
        { type: 'OFFICE_DAY', startsAt: at('2024-10-02T08:30:00'), endsAt: at('2024-10-02T18:00:00') },
        { type: 'OFFICE_NIGHT', startsAt: at('2024-10-02T18:00:00'), endsAt: at('2024-10-03T08:30:00') },
      ]),
    );
  });

  it('gives drivers only the 18:00-08:30 night shift on a working day, incl. a make-up workday (spec duty §4.1 DRIVER_WEEKDAY_NIGHT)', () => {
    // 2024-09-29 is a Sunday worked in exchange for the National Day holiday
    for (const d of ['2024-10-08', '2024-09-29'])
      expect(windows(driverShifts(at(`${d}T09:00:00`), 1, defaultCalendar, defaultDriverShiftPolicy))).toEqual(
        windows([
          {
            type: 'DRIVER_WEEKDAY_NIGHT',
            startsAt: at(`${d}T18:00:00`),
            endsAt: new Date(at(`${d}T08:30:00`).getTime() + 86_400_000),
          },
        ]),
      );
  });

  it('takes the hours from the policy (spec duty §4.1 [config])', () => {
    const s = driverShifts(at('2024-10-02T00:00:00'), 1, defaultCalendar, {
      ...defaultDriverShiftPolicy,
      holidayNightStartMinute: 19 * 60,
    });
    expect(s[0]?.endsAt).toEqual(at('2024-10-02T19:00:00'));
  });

  it('covers every day asked for without gaps between holiday shifts (spec duty §13 DR-1)', () => {
    const s = driverShifts(at('2024-10-01T00:00:00'), 7, defaultCalendar, defaultDriverShiftPolicy);
    expect(s).toHaveLength(14);
    for (let i = 1; i < s.length; i++) expect(s[i]!.startsAt).toEqual(s[i - 1]!.endsAt);
  });
});
