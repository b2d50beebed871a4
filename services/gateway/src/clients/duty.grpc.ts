import { dutyV1 } from '@gov/contracts';
import { createClient, RemoteError } from '@gov/platform';
import { status } from '@grpc/grpc-js';
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
  recordInstruction(
    req: dutyV1.RecordInstructionRequest,
    call: CallCredentials,
  ): Promise<dutyV1.RecordInstructionResponse>;
  appendLogEntry(req: dutyV1.AppendLogEntryRequest, call: CallCredentials): Promise<dutyV1.AppendLogEntryResponse>;
  amendLogEntry(req: dutyV1.AmendLogEntryRequest, call: CallCredentials): Promise<dutyV1.AmendLogEntryResponse>;
  listLog(req: dutyV1.ListLogRequest, call: CallCredentials): Promise<dutyV1.ListLogResponse>;
  verifyLog(req: dutyV1.VerifyLogRequest, call: CallCredentials): Promise<dutyV1.VerifyLogResponse>;
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
      recordInstruction: down,
      appendLogEntry: down,
      amendLogEntry: down,
      listLog: down,
      verifyLog: down,
      close: () => {},
    };
  }
  const client = createClient(dutyV1.DutyServiceClient, address);
  return {
    raiseIncident: (req, call) => callAs(client.raiseIncident.bind(client), req, call, timeoutMs),
    acknowledgeIncident: (req, call) => callAs(client.acknowledgeIncident.bind(client), req, call, timeoutMs),
    getIncident: (req, call) => callAs(client.getIncident.bind(client), req, call, timeoutMs),
    getOnDuty: (req, call) => callAs(client.getOnDuty.bind(client), req, call, timeoutMs),
    recordInstruction: (req, call) => callAs(client.recordInstruction.bind(client), req, call, timeoutMs),
    appendLogEntry: (req, call) => callAs(client.appendLogEntry.bind(client), req, call, timeoutMs),
    amendLogEntry: (req, call) => callAs(client.amendLogEntry.bind(client), req, call, timeoutMs),
    listLog: (req, call) => callAs(client.listLog.bind(client), req, call, timeoutMs),
    verifyLog: (req, call) => callAs(client.verifyLog.bind(client), req, call, timeoutMs),
    close: () => client.close(),
  };
}
