import { DeskError } from '../domain/desk-error';
import type { DeskCalendar } from '../domain/desk-policy';
import { driverShifts, officeShifts, type DriverShiftPolicy, type PlannedShift } from '../domain/driver-shifts';
import type { ShiftPolicy } from '../domain/roster';

const maxDays = 62;

/**
 * Driver on-call windows beside the office duty windows for a run of days (spec duty §13, §4.1, §19 scenario
 * 29): what the roster admin builds the driver roster on. Pure read; nothing is stored.
 */
export function createDriverPlan(deps: { calendar: DeskCalendar; drivers: DriverShiftPolicy; office: ShiftPolicy }) {
  return (cmd: { fromDate: string; days: number }): { drivers: PlannedShift[]; office: PlannedShift[] } => {
    const from = /^\d{4}-\d{2}-\d{2}$/.test(cmd.fromDate) ? new Date(`${cmd.fromDate}T12:00:00+08:00`) : undefined;
    if (!from || Number.isNaN(from.getTime()))
      throw new DeskError('DESK_INPUT_INVALID', 'fromDate must be a date YYYY-MM-DD', [
        { field: 'fromDate', message: 'expected YYYY-MM-DD' },
      ]);
    const days = cmd.days || 1;
    if (!Number.isInteger(days) || days < 1 || days > maxDays)
      throw new DeskError('DESK_INPUT_INVALID', `days must be 1 to ${maxDays}`, [
        { field: 'days', message: `must be 1 to ${maxDays}` },
      ]);
    return {
      drivers: driverShifts(from, days, deps.calendar, deps.drivers),
      office: officeShifts(from, days, deps.calendar, deps.office),
    };
  };
}
