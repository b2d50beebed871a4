/**
 * CloudEvents `ce_type` values of duty rosters on gov.duty.events.v1 (produced by duty, messages in
 * gov.duty.rosters.events.v1; key = the roster id). Read by the notification gateway and finance (duty allowance).
 */
export const dutyRosterEventTypes = {
  rosterPublished: 'gov.duty.roster.published',
} as const;
