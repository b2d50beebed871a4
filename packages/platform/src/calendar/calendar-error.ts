/**
 * Stable codes let callers (and the gRPC error interceptor's code table) map calendar failures without parsing
 * messages. Bad input is the caller's fault; bad data means a year file was transcribed wrongly and must block start-up.
 */
export type CalendarErrorCode = 'CALENDAR_INVALID_INPUT' | 'CALENDAR_INVALID_DATA';

export class CalendarError extends Error {
  override readonly name = 'CalendarError';

  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Longest deadline accepted, in working days (about forty years). Counting walks day by day, so an absurd count
 * from a bad request would otherwise pin a CPU instead of failing fast.
 */
export const MAX_WORKING_DAYS = 10_000;

export function assertValidDate(value: Date, label = 'date'): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new CalendarError('CALENDAR_INVALID_INPUT', `${label} must be a valid Date`);
  }
  return value;
}

export function assertInteger(value: number, label: string): number {
  if (!Number.isSafeInteger(value)) {
    throw new CalendarError('CALENDAR_INVALID_INPUT', `${label} must be an integer, got ${String(value)}`);
  }
  return value;
}

export function assertWorkingDayCount(value: number, label = 'n'): number {
  assertInteger(value, label);
  if (value < 0 || value > MAX_WORKING_DAYS) {
    throw new CalendarError(
      'CALENDAR_INVALID_INPUT',
      `${label} must be between 0 and ${MAX_WORKING_DAYS}, got ${value}`,
    );
  }
  return value;
}
