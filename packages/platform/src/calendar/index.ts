export { CalendarError, type CalendarErrorCode, MAX_WORKING_DAYS } from './calendar-error';
export { defaultCalendar, publishedYears } from './default-calendar';
export { addCalendarDays, shanghaiDateKey } from './shanghai-time';
export {
  type AddWorkingDaysOptions,
  type DayDescription,
  type DayKind,
  WorkingCalendar,
  type WorkingDeadline,
} from './working-calendar';
export type { HolidayNoticeSource, HolidayRange, HolidayYearRecord, MakeUpWorkday } from './year-record';
