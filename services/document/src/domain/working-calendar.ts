/** The part of the platform's working-day calendar the rules need; passed in so the domain stays pure. */
export interface WorkingDays {
  readonly version: string;
  addWorkingDays(start: Date, n: number): { due: Date; provisional: boolean };
  nextWorkingDay(date: Date): Date;
}

const shanghaiOffsetMs = 8 * 3600 * 1000;

/** The instant at `hour`:00 Shanghai time on the local day that contains `dayStart`. */
export function atShanghaiHour(dayStart: Date, hour: number): Date {
  const local = new Date(dayStart.getTime() + shanghaiOffsetMs);
  const midnightUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - shanghaiOffsetMs;
  return new Date(midnightUtc + hour * 3600 * 1000);
}
