/**
 * Time limits and roles for registration. Values the spec marks [config] are settings with these defaults
 * (spec document §5.2 R-REG-4, §5.12, §20, §21 C4); config.ts may override each.
 */
export interface RegistrationPolicy {
  /** 急件 (and 特急) must be registered within this many minutes of receipt (003 L550; 004 L87-88). */
  urgentMinutes: number;
  /** General 办件: minutes after receipt (003 L550). */
  generalMinutes: number;
  /** 传阅件 (for reading): working days after receipt (003 L550). */
  readingWorkingDays: number;
  /** 004 L87-88 "no later than the next morning" caps every category when on (C4 resolution). */
  nextMorningCap: boolean;
  /** Hour (Shanghai) that ends "the next morning". [inferred] */
  nextMorningHour: number;
  /** Handling limit when the sender gives none: 10 working days (003 L556). */
  defaultHandlingWorkingDays: number;
  /** Roles that may register (spec document §20). DUTY_OFFICER only for duty handovers. */
  registrarRoles: readonly string[];
  /** Roles that may sign in classified (机要) items (004 L105, R-IN-3). */
  classifiedRoles: readonly string[];
}

export const defaultRegistrationPolicy: RegistrationPolicy = {
  urgentMinutes: 60,
  generalMinutes: 120,
  readingWorkingDays: 1,
  nextMorningCap: true,
  nextMorningHour: 12,
  defaultHandlingWorkingDays: 10,
  registrarRoles: ['CLERK', 'EDOC_OPERATOR', 'DUTY_OFFICER'],
  classifiedRoles: ['CONFIDENTIAL_CLERK', 'MAIL_ROOM'],
};
