import data2024 from './data/2024.json';
import data2025 from './data/2025.json';
import data2026 from './data/2026.json';
import { WorkingCalendar } from './working-calendar';
import type { HolidayYearRecord } from './year-record';

/**
 * Every published year the platform knows. A new year is added only after its JSON has been checked against the
 * State Council notice (docs/adr/0002); until then deadlines reaching into it come back provisional.
 */
export const publishedYears: readonly HolidayYearRecord[] = [data2024, data2025, data2026];

/** The calendar services use unless a test passes its own years. */
export const defaultCalendar = new WorkingCalendar(publishedYears);
