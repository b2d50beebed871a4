import { defaultCalendar } from './default-calendar';

/*
 * Each case restates one line of the State Council notice (国务院办公厅关于<year>年部分节假日安排的通知) that the
 * year's JSON was transcribed from; the notice reference sits in data/<year>.json under `source`.
 */
const at = (key: string) => new Date(`${key}T12:00:00+08:00`);

function daysFrom(from: string, to: string): string[] {
  const keys: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    keys.push(new Date(t).toISOString().slice(0, 10));
  }
  return keys;
}

const offRange = (from: string, to: string) => daysFrom(from, to).map((key) => [key, false] as const);
const working = (...keys: string[]) => keys.map((key) => [key, true] as const);

describe(defaultCalendar.isWorkingDay.name, () => {
  it.each([
    // 国办发明电〔2023〕7号 §2: 春节 2月10日至17日放假调休，共8天；2月4日（星期日）、2月18日（星期日）上班
    ...offRange('2024-02-10', '2024-02-17'),
    ...working('2024-02-04', '2024-02-18', '2024-02-09', '2024-02-19'),
    // §4: 劳动节 5月1日至5日；4月28日（星期日）、5月11日（星期六）上班
    ...offRange('2024-05-01', '2024-05-05'),
    ...working('2024-04-28', '2024-05-11'),
    // §7: 国庆节 10月1日至7日；9月29日（星期日）、10月12日（星期六）上班
    ...offRange('2024-10-01', '2024-10-07'),
    ...working('2024-09-29', '2024-10-12'),
  ])('follows the 2024 notice on %s (working: %s)', (key, expected) => {
    expect(defaultCalendar.isWorkingDay(at(key))).toBe(expected);
  });

  it.each([
    // 国办发明电〔2024〕12号 §2: 春节 1月28日（除夕）至2月4日，共8天；1月26日（周日）、2月8日（周六）上班
    ...offRange('2025-01-28', '2025-02-04'),
    ...working('2025-01-26', '2025-02-08', '2025-01-27', '2025-02-05'),
    // §4: 劳动节 5月1日至5日，共5天；4月27日（周日）上班
    ...offRange('2025-05-01', '2025-05-05'),
    ...working('2025-04-27'),
    // §6: 国庆节、中秋节 10月1日至8日，共8天；9月28日（周日）、10月11日（周六）上班
    ...offRange('2025-10-01', '2025-10-08'),
    ...working('2025-09-28', '2025-10-11', '2025-10-09'),
  ])('follows the 2025 notice on %s (working: %s)', (key, expected) => {
    expect(defaultCalendar.isWorkingDay(at(key))).toBe(expected);
  });

  it.each([
    // 2026 notice §1: 元旦 1月1日至3日；1月4日（周日）上班
    ...offRange('2026-01-01', '2026-01-03'),
    ...working('2026-01-04'),
    // §2: 春节 2月15日至23日，共9天；2月14日（周六）、2月28日（周六）上班
    ...offRange('2026-02-15', '2026-02-23'),
    ...working('2026-02-14', '2026-02-28', '2026-02-24'),
    // §4: 劳动节 5月1日至5日；5月9日（周六）上班
    ...offRange('2026-05-01', '2026-05-05'),
    ...working('2026-05-09'),
    // §7: 国庆节 10月1日至7日，共7天；9月20日（周日）、10月10日（周六）上班
    ...offRange('2026-10-01', '2026-10-07'),
    ...working('2026-09-20', '2026-10-10', '2026-10-08'),
  ])('follows the 2026 notice on %s (working: %s)', (key, expected) => {
    expect(defaultCalendar.isWorkingDay(at(key))).toBe(expected);
  });

  it('treats an ordinary Saturday and Sunday as days off', () => {
    expect(defaultCalendar.isWorkingDay(at('2024-03-02'))).toBe(false);
    expect(defaultCalendar.isWorkingDay(at('2024-03-03'))).toBe(false);
  });

  it('counts a make-up Sunday (调休上班) as a working day', () => {
    expect(new Date('2024-02-04T12:00:00+08:00').getUTCDay()).toBe(0);
    expect(defaultCalendar.isWorkingDay(at('2024-02-04'))).toBe(true);
  });

  it('uses the Shanghai date: 16:30 UTC on a Friday is Saturday and not a working day', () => {
    expect(defaultCalendar.isWorkingDay(new Date('2024-03-01T15:30:00Z'))).toBe(true);
    expect(defaultCalendar.isWorkingDay(new Date('2024-03-01T16:30:00Z'))).toBe(false);
  });
});

describe(defaultCalendar.describeDay.name, () => {
  it('names the festival a day off or a make-up day belongs to', () => {
    expect(defaultCalendar.describeDay(at('2025-10-06'))).toEqual({
      date: '2025-10-06',
      kind: 'holiday',
      working: false,
      holiday: 'National Day and Mid-Autumn Festival',
      provisional: false,
    });
    expect(defaultCalendar.describeDay(at('2026-02-28'))).toMatchObject({ kind: 'make-up-workday', working: true });
  });
});
