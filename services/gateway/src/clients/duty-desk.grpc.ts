import { dutyDeskV1 as d } from '@gov/contracts';
import { createClient, RemoteError } from '@gov/platform';
import { status } from '@grpc/grpc-js';
import { callAs, type CallCredentials } from './call';

type Rpc<Req, Res> = (req: Req, call: CallCredentials) => Promise<Res>;

/** The duty desk (DutyDeskService, served by the duty process) as the routes see it. */
export interface DutyDeskPort {
  logDeskDocument: Rpc<d.LogDeskDocumentRequest, d.LogDeskDocumentResponse>;
  getDeskDocument: Rpc<d.GetDeskDocumentRequest, d.GetDeskDocumentResponse>;
  listRegistrationQueue: Rpc<d.ListRegistrationQueueRequest, d.ListRegistrationQueueResponse>;
  registerDeskDocument: Rpc<d.RegisterDeskDocumentRequest, d.RegisterDeskDocumentResponse>;
  forwardUrgentDocument: Rpc<d.ForwardUrgentDocumentRequest, d.ForwardUrgentDocumentResponse>;
  receiveCall: Rpc<d.ReceiveCallRequest, d.ReceiveCallResponse>;
  answerCall: Rpc<d.AnswerCallRequest, d.AnswerCallResponse>;
  redirectCall: Rpc<d.RedirectCallRequest, d.RedirectCallResponse>;
  draftHandlingSlip: Rpc<d.DraftHandlingSlipRequest, d.DraftHandlingSlipResponse>;
  recordSlipInstruction: Rpc<d.RecordSlipInstructionRequest, d.RecordSlipInstructionResponse>;
  replyCall: Rpc<d.ReplyCallRequest, d.ReplyCallResponse>;
  transferCall: Rpc<d.TransferCallRequest, d.TransferCallResponse>;
  getCall: Rpc<d.GetCallRequest, d.GetCallResponse>;
  recordVisitor: Rpc<d.RecordVisitorRequest, d.RecordVisitorResponse>;
  recordVisitorExit: Rpc<d.RecordVisitorExitRequest, d.RecordVisitorExitResponse>;
  requestPostLeave: Rpc<d.RequestPostLeaveRequest, d.RequestPostLeaveResponse>;
  recordPetitionVisit: Rpc<d.RecordPetitionVisitRequest, d.RecordPetitionVisitResponse>;
  planDutyShifts: Rpc<d.PlanDutyShiftsRequest, d.PlanDutyShiftsResponse>;
}

const methods: (keyof DutyDeskPort)[] = [
  'logDeskDocument',
  'getDeskDocument',
  'listRegistrationQueue',
  'registerDeskDocument',
  'forwardUrgentDocument',
  'receiveCall',
  'answerCall',
  'redirectCall',
  'draftHandlingSlip',
  'recordSlipInstruction',
  'replyCall',
  'transferCall',
  'getCall',
  'recordVisitor',
  'recordVisitorExit',
  'requestPostLeave',
  'recordPetitionVisit',
  'planDutyShifts',
];

/**
 * A duty-desk client on the duty service's address (DUTY_GRPC_ADDR: the desk is served by the same process),
 * or, while it is unset, a port that answers SERVICE_UNAVAILABLE.
 */
export function createDutyDeskClient(address: string | undefined, timeoutMs: number): DutyDeskPort & { close(): void } {
  if (!address) {
    const down = () =>
      Promise.reject(
        new RemoteError(status.UNAVAILABLE, 'SERVICE_UNAVAILABLE', 'DUTY_GRPC_ADDR is not configured', []),
      );
    return { ...(Object.fromEntries(methods.map((m) => [m, down])) as unknown as DutyDeskPort), close: () => {} };
  }
  const client = createClient(d.DutyDeskServiceClient, address);
  const port = Object.fromEntries(
    methods.map((m) => {
      const fn = (client[m] as (...args: never[]) => unknown).bind(client);
      return [m, (req: unknown, call: CallCredentials) => callAs(fn as never, req, call, timeoutMs)];
    }),
  ) as unknown as DutyDeskPort;
  return { ...port, close: () => client.close() };
}
