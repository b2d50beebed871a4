import type { DeskCalendar } from './desk-policy';
import { atLocalMinute, shiftWindows, type ShiftPolicy } from './roster';

/** Driver on-call shift types (spec duty §4.1, §13 DR-1; 003 L990). */
export type DriverShiftType = 'DRIVER_WEEKDAY_NIGHT' | 'DRIVER_HOLIDAY_DAY' | 'DRIVER_HOLIDAY_NIGHT';

/**
 * 司勤值班 hours in Shanghai minutes after midnight (003 L990: 工作日18:00-次日8:30; 节假日白班8:30-18:30,
 * 夜班18:30-次日8:30). Configuration; they differ from the office's 18:00 change-over on purpose (spec duty §18 D-4).
 */
export interface DriverShiftPolicy {
  /** Start of the weekday night shift. */
  weekdayNightStartMinute: number;
  /** Start of the holiday day shift, and end of every night shift. */
  dayStartMinute: number;
  /** Start of the holiday night shift (end of the holiday day shift). */
  holidayNightStartMinute: number;
}

export const defaultDriverShiftPolicy: DriverShiftPolicy = {
  weekdayNightStartMinute: 18 * 60,
  dayStartMinute: 8 * 60 + 30,
  holidayNightStartMinute: 18 * 60 + 30,
};

export interface PlannedShift<T extends string = string> {
  type: T;
  startsAt: Date;
  endsAt: Date;
  workingDay: boolean;
}

const dayMs = 86_400_000;

/**
 * Driver shifts for `days` Shanghai days starting on the day of `from`: a working day has the night shift only
 * (the day is covered by ordinary work); a weekend or public holiday has two shifts (spec duty §13 DR-1,
 * §19 scenario 29). Working days come from the calendar (make-up workdays count as working days).
 */
export function driverShifts(
  from: Date,
  days: number,
  calendar: Pick<DeskCalendar, 'isWorkingDay'>,
  p: DriverShiftPolicy,
): PlannedShift<DriverShiftType>[] {
  const out: PlannedShift<DriverShiftType>[] = [];
  const first = atLocalMinute(from, 0);
  for (let i = 0; i < days; i++) {
    const midnight = new Date(first.getTime() + i * dayMs);
    const at = (m: number) => new Date(midnight.getTime() + m * 60_000);
    const nextMorning = at(24 * 60 + p.dayStartMinute);
    const workingDay = calendar.isWorkingDay(at(12 * 60));
    if (workingDay) {
      out.push({
        type: 'DRIVER_WEEKDAY_NIGHT',
        startsAt: at(p.weekdayNightStartMinute),
        endsAt: nextMorning,
        workingDay,
      });
    } else {
      out.push({
        type: 'DRIVER_HOLIDAY_DAY',
        startsAt: at(p.dayStartMinute),
        endsAt: at(p.holidayNightStartMinute),
        workingDay,
      });
      out.push({
        type: 'DRIVER_HOLIDAY_NIGHT',
        startsAt: at(p.holidayNightStartMinute),
        endsAt: nextMorning,
        workingDay,
      });
    }
  }
  return out;
}

/** Office duty day and night windows starting on the same days, for side-by-side display (spec duty §4.1). */
export function officeShifts(
  from: Date,
  days: number,
  calendar: Pick<DeskCalendar, 'isWorkingDay'>,
  p: ShiftPolicy,
): PlannedShift[] {
  const first = atLocalMinute(from, 0);
  const last = new Date(first.getTime() + days * dayMs);
  return shiftWindows(first, last, p)
    .filter((w) => w.type === 'OFFICE_DAY' || w.type === 'OFFICE_NIGHT')
    .filter((w) => w.startsAt.getTime() >= first.getTime() && w.startsAt.getTime() < last.getTime())
    .map((w) => ({ ...w, workingDay: calendar.isWorkingDay(atLocalMinute(w.startsAt, 12 * 60)) }));
}
