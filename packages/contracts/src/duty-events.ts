/** CloudEvents `ce_type` values on gov.duty.events.v1 (produced by duty; read by supervision and document). */
export const dutyEventTypes = {
  incidentReceived: 'gov.duty.incident.received',
  incidentAcknowledged: 'gov.duty.incident.acknowledged',
  incidentEscalated: 'gov.duty.incident.escalated',
  instructionRecorded: 'gov.duty.instruction.recorded',
  instructionFollowUpRequired: 'gov.duty.instruction.followup_required',
  reportWarning: 'gov.duty.report.warning',
  reportBreached: 'gov.duty.report.breached',
  reportFulfilled: 'gov.duty.report.fulfilled',
  incidentResolved: 'gov.duty.incident.resolved',
  violationCandidate: 'gov.duty.violation.candidate',
  incidentVoided: 'gov.duty.incident.voided',
  incidentClosed: 'gov.duty.incident.closed',
  /** A roster's period ended and it was LOCKED (spec duty §4.3); message gov.duty.rosters.events.v1.RosterLocked. */
  rosterLocked: 'gov.duty.roster.locked',
} as const;
