import { dutyV1 } from '@gov/contracts';
import { callMetadata, createClient, fromServiceError, RemoteError } from '@gov/platform';
import { status, type ServiceError } from '@grpc/grpc-js';
import { callAs, type CallCredentials } from './call';

/** The duty service as the routes see it. */
export interface DutyPort {
  raiseIncident(req: dutyV1.RaiseIncidentRequest, call: CallCredentials): Promise<dutyV1.RaiseIncidentResponse>;
  acknowledgeIncident(
    req: dutyV1.AcknowledgeIncidentRequest,
    call: CallCredentials,
  ): Promise<dutyV1.AcknowledgeIncidentResponse>;
  getIncident(req: dutyV1.GetIncidentRequest, call: CallCredentials): Promise<dutyV1.GetIncidentResponse>;
  getOnDuty(req: dutyV1.GetOnDutyRequest, call: CallCredentials): Promise<dutyV1.GetOnDutyResponse>;
  publishRoster(req: dutyV1.PublishRosterRequest, call: CallCredentials): Promise<dutyV1.PublishRosterResponse>;
  recordInstruction(
    req: dutyV1.RecordInstructionRequest,
    call: CallCredentials,
  ): Promise<dutyV1.RecordInstructionResponse>;
  appendLogEntry(req: dutyV1.AppendLogEntryRequest, call: CallCredentials): Promise<dutyV1.AppendLogEntryResponse>;
  amendLogEntry(req: dutyV1.AmendLogEntryRequest, call: CallCredentials): Promise<dutyV1.AmendLogEntryResponse>;
  listLog(req: dutyV1.ListLogRequest, call: CallCredentials): Promise<dutyV1.ListLogResponse>;
  verifyLog(req: dutyV1.VerifyLogRequest, call: CallCredentials): Promise<dutyV1.VerifyLogResponse>;
  recordUpwardReport(
    req: dutyV1.RecordUpwardReportRequest,
    call: CallCredentials,
  ): Promise<dutyV1.RecordUpwardReportResponse>;
  recordEnquiry(req: dutyV1.RecordEnquiryRequest, call: CallCredentials): Promise<dutyV1.RecordEnquiryResponse>;
  setVerification(req: dutyV1.SetVerificationRequest, call: CallCredentials): Promise<dutyV1.SetVerificationResponse>;
  resolveIncident(req: dutyV1.ResolveIncidentRequest, call: CallCredentials): Promise<dutyV1.ResolveIncidentResponse>;
  draftWrittenReport(
    req: dutyV1.DraftWrittenReportRequest,
    call: CallCredentials,
  ): Promise<dutyV1.DraftWrittenReportResponse>;
  actOnDraft(req: dutyV1.ActOnDraftRequest, call: CallCredentials): Promise<dutyV1.ActOnDraftResponse>;
  recordDeliveryReceipts(
    req: dutyV1.RecordDeliveryReceiptsRequest,
    call: CallCredentials,
  ): Promise<dutyV1.RecordDeliveryReceiptsResponse>;
  reclassifyIncident(
    req: dutyV1.ReclassifyIncidentRequest,
    call: CallCredentials,
  ): Promise<dutyV1.ReclassifyIncidentResponse>;
  voidIncident(req: dutyV1.VoidIncidentRequest, call: CallCredentials): Promise<dutyV1.VoidIncidentResponse>;
  closeIncident(req: dutyV1.CloseIncidentRequest, call: CallCredentials): Promise<dutyV1.CloseIncidentResponse>;
  repairChronology(
    req: dutyV1.RepairChronologyRequest,
    call: CallCredentials,
  ): Promise<dutyV1.RepairChronologyResponse>;
  getContactSheet(req: dutyV1.GetContactSheetRequest, call: CallCredentials): Promise<dutyV1.GetContactSheetResponse>;
  /** The console's live alerts; no deadline: the stream lasts until `cancel` or the service ends it. */
  watchConsole(
    req: dutyV1.WatchConsoleRequest,
    call: CallCredentials,
  ): { messages: AsyncIterable<dutyV1.WatchConsoleResponse>; cancel(): void };
}

/** Reads a server stream as an async iterable, turning its failure into a RemoteError with the stable code. */
async function* remoteStream<T>(stream: AsyncIterable<unknown>): AsyncGenerator<T> {
  try {
    for await (const m of stream) yield m as T;
  } catch (e) {
    if ((e as ServiceError).code === status.CANCELLED) return;
    throw fromServiceError(e as ServiceError);
  }
}

/** A duty client, or, while DUTY_GRPC_ADDR is unset, a port that answers SERVICE_UNAVAILABLE. */
export function createDutyClient(address: string | undefined, timeoutMs: number): DutyPort & { close(): void } {
  if (!address) {
    const down = () =>
      Promise.reject(
        new RemoteError(status.UNAVAILABLE, 'SERVICE_UNAVAILABLE', 'DUTY_GRPC_ADDR is not configured', []),
      );
    return {
      raiseIncident: down,
      acknowledgeIncident: down,
      getIncident: down,
      getOnDuty: down,
      publishRoster: down,
      recordInstruction: down,
      appendLogEntry: down,
      amendLogEntry: down,
      listLog: down,
      verifyLog: down,
      recordUpwardReport: down,
      recordEnquiry: down,
      setVerification: down,
      resolveIncident: down,
      draftWrittenReport: down,
      actOnDraft: down,
      recordDeliveryReceipts: down,
      reclassifyIncident: down,
      voidIncident: down,
      closeIncident: down,
      repairChronology: down,
      getContactSheet: down,
      watchConsole: () => ({
        messages: remoteStream(
          (async function* () {
            yield* [];
            throw new RemoteError(status.UNAVAILABLE, 'SERVICE_UNAVAILABLE', 'DUTY_GRPC_ADDR is not configured', []);
          })(),
        ),
        cancel: () => {},
      }),
      close: () => {},
    };
  }
  const client = createClient(dutyV1.DutyServiceClient, address);
  return {
    raiseIncident: (req, call) => callAs(client.raiseIncident.bind(client), req, call, timeoutMs),
    acknowledgeIncident: (req, call) => callAs(client.acknowledgeIncident.bind(client), req, call, timeoutMs),
    getIncident: (req, call) => callAs(client.getIncident.bind(client), req, call, timeoutMs),
    getOnDuty: (req, call) => callAs(client.getOnDuty.bind(client), req, call, timeoutMs),
    publishRoster: (req, call) => callAs(client.publishRoster.bind(client), req, call, timeoutMs),
    recordInstruction: (req, call) => callAs(client.recordInstruction.bind(client), req, call, timeoutMs),
    appendLogEntry: (req, call) => callAs(client.appendLogEntry.bind(client), req, call, timeoutMs),
    amendLogEntry: (req, call) => callAs(client.amendLogEntry.bind(client), req, call, timeoutMs),
    listLog: (req, call) => callAs(client.listLog.bind(client), req, call, timeoutMs),
    verifyLog: (req, call) => callAs(client.verifyLog.bind(client), req, call, timeoutMs),
    recordUpwardReport: (req, call) => callAs(client.recordUpwardReport.bind(client), req, call, timeoutMs),
    recordEnquiry: (req, call) => callAs(client.recordEnquiry.bind(client), req, call, timeoutMs),
    setVerification: (req, call) => callAs(client.setVerification.bind(client), req, call, timeoutMs),
    resolveIncident: (req, call) => callAs(client.resolveIncident.bind(client), req, call, timeoutMs),
    draftWrittenReport: (req, call) => callAs(client.draftWrittenReport.bind(client), req, call, timeoutMs),
    actOnDraft: (req, call) => callAs(client.actOnDraft.bind(client), req, call, timeoutMs),
    recordDeliveryReceipts: (req, call) => callAs(client.recordDeliveryReceipts.bind(client), req, call, timeoutMs),
    reclassifyIncident: (req, call) => callAs(client.reclassifyIncident.bind(client), req, call, timeoutMs),
    voidIncident: (req, call) => callAs(client.voidIncident.bind(client), req, call, timeoutMs),
    closeIncident: (req, call) => callAs(client.closeIncident.bind(client), req, call, timeoutMs),
    repairChronology: (req, call) => callAs(client.repairChronology.bind(client), req, call, timeoutMs),
    getContactSheet: (req, call) => callAs(client.getContactSheet.bind(client), req, call, timeoutMs),
    watchConsole: (req, call) => {
      const stream = client.watchConsole(
        req,
        callMetadata({ authorization: call.authorization, requestId: call.requestId }),
      );
      return { messages: remoteStream(stream), cancel: () => stream.cancel() };
    },
    close: () => client.close(),
  };
}
