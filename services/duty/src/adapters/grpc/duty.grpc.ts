import { dutyV1 } from '@gov/contracts';
import { hasRole, type Actor } from '@gov/platform/auth';
import { DutyError } from '../../domain/duty-error';
import type { Handlers } from '@gov/platform';
import type { createAcknowledgeIncident } from '../../app/acknowledge-incident';
import type { createDutyLog } from '../../app/duty-log';
import type { createRecordInstruction } from '../../app/record-instruction';
import type { LogEntry } from '../../domain/duty-log';
import type { createPublishRoster } from '../../app/publish-roster';
import type { createRaiseIncident } from '../../app/raise-incident';
import type { createGetIncident, createGetOnDuty } from '../../app/read-duty';
import type { AlertMessage } from '../../app/ports';
import type { UpwardReporting } from '../../app/upward-reports';
import type { IncidentClosure } from '../../app/close-incident';
import type { createGetContactSheet } from '../../app/read-contact-sheet';
import type { RepairChronology } from '../../app/repair-chronology';
import type { Chronology } from '../../domain/chronology';
import { toProtoRepair } from './chronology.mapper';
import {
  toDomainSeverity,
  toIntake,
  toProtoContactSheet,
  toProtoIncident,
  toProtoShiftType,
  toRosterCommand,
} from './duty.mapper';

const consoleRoles = ['DUTY_OFFICER', 'INFO_OFFICER', 'DUTY_ROOM_MANAGER', 'OFFICE_LEADER', 'OFFICE_DIRECTOR'];

/** DutyService over gRPC: map the request, run the use case, map the result. No rules here. */
export function dutyGrpcHandlers(u: {
  raiseIncident: ReturnType<typeof createRaiseIncident>;
  acknowledgeIncident: ReturnType<typeof createAcknowledgeIncident>;
  getIncident: ReturnType<typeof createGetIncident>;
  publishRoster: ReturnType<typeof createPublishRoster>;
  getOnDuty: ReturnType<typeof createGetOnDuty>;
  dutyLog: ReturnType<typeof createDutyLog>;
  recordInstruction: ReturnType<typeof createRecordInstruction>;
  reporting: UpwardReporting;
  closure: IncidentClosure;
  repairChronology: RepairChronology;
  /** The incident's record in fact-time order (LG-3), read back after a repair. */
  chronology: (incidentId: string) => Promise<Chronology | undefined>;
  contactSheet: ReturnType<typeof createGetContactSheet>;
  /** The duty console's live alerts (the in-process hub the push channel writes to). */
  console: { subscribe(fn: (m: AlertMessage) => void): () => void };
  /** AK-2: delivery receipts into the escalation engine. */
  receipts: (list: { messageId: string; status: 'DELIVERED' | 'FAILED'; at: Date }[]) => Promise<number>;
}): Handlers<typeof dutyV1.DutyServiceService> {
  /**
   * The desk's commands on an incident answer with the incident as the caller may see it, and a classified one
   * looks missing to a caller without clearance (ARCHITECTURE §8). Such a caller is refused before the command
   * runs: otherwise the command would change the incident and its answer would then say it does not exist.
   */
  const mustSee = async (incidentId: string, actor: Actor): Promise<void> =>
    void (await u.getIncident.visible(incidentId, actor));
  return {
    async raiseIncident(req, ctx) {
      return { incident: toProtoIncident(await u.raiseIncident(toIntake(req), ctx.actor)) };
    },
    async acknowledgeIncident(req, ctx) {
      const i = await u.acknowledgeIncident({ incidentId: req.incidentId, personId: req.personId }, ctx.actor);
      return { incident: toProtoIncident(i) };
    },
    async getIncident(req, ctx) {
      return { incident: toProtoIncident(await u.getIncident(req.id, ctx.actor)) };
    },
    async publishRoster(req, ctx) {
      const r = await u.publishRoster(toRosterCommand(req), ctx.actor);
      return { rosterId: r.id, version: r.version };
    },
    async getOnDuty(req) {
      const res = u.getOnDuty(req.at ? new Date(req.at) : undefined);
      return {
        at: res.at.toISOString(),
        people: res.people.map((p) => ({
          shiftType: toProtoShiftType(p.shift.type),
          personId: p.shift.personId,
          name: p.contact?.name ?? '',
          shiftStartsAt: p.shift.startsAt.toISOString(),
          shiftEndsAt: p.shift.endsAt.toISOString(),
        })),
      };
    },
    async recordInstruction(req, ctx) {
      await mustSee(req.incidentId, ctx.actor);
      const r = await u.recordInstruction(
        {
          idempotencyKey: req.idempotencyKey,
          incidentId: req.incidentId,
          leaderId: req.leaderId,
          text: req.text,
          needsFollowUp: req.needsFollowUp,
          followUpDays: req.followUpDays,
          suggestedLeadUnit: req.suggestedLeadUnit,
        },
        ctx.actor,
      );
      const incident = await u.getIncident(req.incidentId, ctx.actor);
      return { ...r, incident: toProtoIncident(incident) };
    },
    async appendLogEntry(req, ctx) {
      const e = await u.dutyLog.append(
        {
          idempotencyKey: req.idempotencyKey,
          type: req.type,
          source: req.source,
          summary: req.summary,
          actionTaken: req.actionTaken,
          relatedIds: req.relatedIds,
        },
        ctx.actor,
      );
      return { entry: toProtoLogEntry(e) };
    },
    async amendLogEntry(req, ctx) {
      const e = await u.dutyLog.amend(
        { idempotencyKey: req.idempotencyKey, seq: Number(req.seq), summary: req.summary, reason: req.reason },
        ctx.actor,
      );
      return { entry: toProtoLogEntry(e) };
    },
    async listLog() {
      return { entries: (await u.dutyLog.list()).map(toProtoLogEntry) };
    },
    async recordUpwardReport(req, ctx) {
      await mustSee(req.incidentId, ctx.actor);
      const r = await u.reporting.recordUpwardReport(req, ctx.actor);
      return { reportId: r.reportId, incident: toProtoIncident(await u.getIncident(r.incidentId, ctx.actor)) };
    },
    async recordEnquiry(req, ctx) {
      await mustSee(req.incidentId, ctx.actor);
      const r = await u.reporting.recordEnquiry(req, ctx.actor);
      return { reverseFlow: r.reverseFlow, incident: toProtoIncident(await u.getIncident(r.incidentId, ctx.actor)) };
    },
    async setVerification(req, ctx) {
      await mustSee(req.incidentId, ctx.actor);
      const r = await u.reporting.setVerification(req, ctx.actor);
      return { incident: toProtoIncident(await u.getIncident(r.incidentId, ctx.actor)) };
    },
    async resolveIncident(req, ctx) {
      await mustSee(req.incidentId, ctx.actor);
      const r = await u.reporting.resolve(req, ctx.actor);
      return { incident: toProtoIncident(await u.getIncident(r.incidentId, ctx.actor)) };
    },
    async draftWrittenReport(req, ctx) {
      await mustSee(req.incidentId, ctx.actor);
      const r = await u.reporting.draftWrittenReport(req, ctx.actor);
      return { draftId: r.draftId, incident: toProtoIncident(await u.getIncident(r.incidentId, ctx.actor)) };
    },
    async actOnDraft(req, ctx) {
      await mustSee(req.incidentId, ctx.actor);
      const r = await u.reporting.actOnDraft(req, ctx.actor);
      return { incident: toProtoIncident(await u.getIncident(r.incidentId, ctx.actor)) };
    },
    async reclassifyIncident(req, ctx) {
      await mustSee(req.incidentId, ctx.actor);
      const r = await u.reporting.reclassify(
        { ...req, severity: toDomainSeverity(req.severity) ?? String(req.severity) },
        ctx.actor,
      );
      return { incident: toProtoIncident(await u.getIncident(r.incidentId, ctx.actor)) };
    },
    async voidIncident(req, ctx) {
      await mustSee(req.incidentId, ctx.actor);
      const r = await u.closure.voidIncident(req, ctx.actor);
      return { incident: toProtoIncident(await u.getIncident(r.incidentId, ctx.actor)) };
    },
    async closeIncident(req, ctx) {
      await mustSee(req.incidentId, ctx.actor);
      const r = await u.closure.closeIncident(req, ctx.actor);
      return { incident: toProtoIncident(await u.getIncident(r.incidentId, ctx.actor)) };
    },
    async repairChronology(req, ctx) {
      await mustSee(req.incidentId, ctx.actor);
      const r = await u.repairChronology(req, ctx.actor);
      const incident = toProtoIncident(await u.getIncident(r.incidentId, ctx.actor));
      return toProtoRepair(r, (await u.chronology(r.incidentId))?.entries ?? [], incident);
    },
    async getContactSheet(req, ctx) {
      return toProtoContactSheet(u.contactSheet({ date: req.date }, ctx.actor));
    },
    async recordDeliveryReceipts(req, ctx) {
      if (!hasRole(ctx.actor, 'SMS_GATEWAY'))
        throw new DutyError('NOT_A_RECIPIENT', 'only the SMS gateway reports deliveries');
      const bad = req.receipts.findIndex(
        (r) => !r.messageId || (r.status !== 'DELIVERED' && r.status !== 'FAILED') || Number.isNaN(Date.parse(r.at)),
      );
      if (bad >= 0)
        throw new DutyError('INCIDENT_INVALID', 'a receipt needs its message id, DELIVERED or FAILED, and a time', [
          { field: `receipts[${bad}]`, message: 'messageId, status (DELIVERED|FAILED) and at (RFC 3339) are required' },
        ]);
      const recorded = await u.receipts(
        req.receipts.map((r) => ({
          messageId: r.messageId,
          status: r.status as 'DELIVERED' | 'FAILED',
          at: new Date(r.at),
        })),
      );
      return { recorded };
    },
    async watchConsole(req, ctx, out) {
      // the desk sees every alert; anyone else only their own (alert texts never carry classified details)
      if (!hasRole(ctx.actor, ...consoleRoles) && req.recipientId !== ctx.actor.userId)
        throw new DutyError(
          'NOT_A_RECIPIENT',
          'only the duty desk watches every alert; ask for your own with recipientId',
        );
      // push alerts as they go out; the stream lasts until the console disconnects or the server stops
      const off = u.console.subscribe((m) => {
        if (m.channel !== 'PUSH' || (req.recipientId && req.recipientId !== m.to.personId)) return;
        out.write({
          messageId: m.messageId,
          incidentId: m.incidentId,
          recipientId: m.to.personId,
          text: m.text,
          dueAt: m.dueAt.toISOString(),
          sentAt: new Date().toISOString(),
        });
      });
      try {
        await out.closed;
      } finally {
        off();
      }
    },
    async verifyLog() {
      const r = await u.dutyLog.verify();
      return { ok: r.ok, brokenAt: r.ok ? '0' : String(r.brokenAt), entries: String(r.entries) };
    },
  };
}

const toProtoLogEntry = (e: LogEntry) => ({
  seq: String(e.seq),
  at: new Date(e.at).toISOString(),
  type: e.type,
  source: e.source,
  summary: e.summary,
  actionTaken: e.actionTaken,
  handledBy: e.handledBy,
  relatedIds: e.relatedIds,
  amends: String(e.amends ?? 0),
  reason: e.reason ?? '',
  prevHash: e.prevHash,
  hash: e.hash,
});
