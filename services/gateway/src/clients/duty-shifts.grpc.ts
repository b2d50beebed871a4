import { dutyShiftsV1 as d } from '@gov/contracts';
import { createClient, RemoteError } from '@gov/platform';
import { status } from '@grpc/grpc-js';
import { callAs, type CallCredentials } from './call';

type Rpc<Req, Res> = (req: Req, call: CallCredentials) => Promise<Res>;

/** Duty shifts (DutyShiftService, served by the duty process) as the routes see it. */
export interface DutyShiftsPort {
  openHandover: Rpc<d.OpenHandoverRequest, d.OpenHandoverResponse>;
  getHandover: Rpc<d.GetHandoverRequest, d.GetHandoverResponse>;
  checkInHandover: Rpc<d.CheckInHandoverRequest, d.CheckInHandoverResponse>;
  presentHandoverItems: Rpc<d.PresentHandoverItemsRequest, d.PresentHandoverItemsResponse>;
  confirmHandoverLog: Rpc<d.ConfirmHandoverLogRequest, d.ConfirmHandoverLogResponse>;
  signHandoverOutgoing: Rpc<d.SignHandoverOutgoingRequest, d.SignHandoverOutgoingResponse>;
  signHandoverIncoming: Rpc<d.SignHandoverIncomingRequest, d.SignHandoverIncomingResponse>;
  endShift: Rpc<d.EndShiftRequest, d.EndShiftResponse>;
  requestShiftSwap: Rpc<d.RequestShiftSwapRequest, d.RequestShiftSwapResponse>;
  agreeShiftSwap: Rpc<d.AgreeShiftSwapRequest, d.AgreeShiftSwapResponse>;
  decideShiftSwap: Rpc<d.DecideShiftSwapRequest, d.DecideShiftSwapResponse>;
  getShiftSwap: Rpc<d.GetShiftSwapRequest, d.GetShiftSwapResponse>;
  recordViolation: Rpc<d.RecordViolationRequest, d.RecordViolationResponse>;
  confirmViolation: Rpc<d.ConfirmViolationRequest, d.ConfirmViolationResponse>;
  dismissViolation: Rpc<d.DismissViolationRequest, d.DismissViolationResponse>;
  getViolation: Rpc<d.GetViolationRequest, d.GetViolationResponse>;
}

const methods: (keyof DutyShiftsPort)[] = [
  'openHandover',
  'getHandover',
  'checkInHandover',
  'presentHandoverItems',
  'confirmHandoverLog',
  'signHandoverOutgoing',
  'signHandoverIncoming',
  'endShift',
  'requestShiftSwap',
  'agreeShiftSwap',
  'decideShiftSwap',
  'getShiftSwap',
  'recordViolation',
  'confirmViolation',
  'dismissViolation',
  'getViolation',
];

/**
 * A duty-shifts client on the duty service's address (DUTY_GRPC_ADDR: shifts are served by the same process),
 * or, while it is unset, a port that answers SERVICE_UNAVAILABLE.
 */
export function createDutyShiftsClient(
  address: string | undefined,
  timeoutMs: number,
): DutyShiftsPort & { close(): void } {
  if (!address) {
    const down = () =>
      Promise.reject(
        new RemoteError(status.UNAVAILABLE, 'SERVICE_UNAVAILABLE', 'DUTY_GRPC_ADDR is not configured', []),
      );
    return { ...(Object.fromEntries(methods.map((m) => [m, down])) as unknown as DutyShiftsPort), close: () => {} };
  }
  const client = createClient(d.DutyShiftServiceClient, address);
  const port = Object.fromEntries(
    methods.map((m) => {
      const fn = (client[m] as (...args: never[]) => unknown).bind(client);
      return [m, (req: unknown, call: CallCredentials) => callAs(fn as never, req, call, timeoutMs)];
    }),
  ) as unknown as DutyShiftsPort;
  return { ...port, close: () => client.close() };
}
