import { dutyRostersV1 as d } from '@gov/contracts';
import { createClient, RemoteError } from '@gov/platform';
import { status } from '@grpc/grpc-js';
import { callAs, type CallCredentials } from './call';

type Rpc<Req, Res> = (req: Req, call: CallCredentials) => Promise<Res>;

/** Roster review (DutyRosterService, served by the duty process) as the routes see it. */
export interface DutyRostersPort {
  createRosterDraft: Rpc<d.CreateRosterDraftRequest, d.CreateRosterDraftResponse>;
  reviseRosterDraft: Rpc<d.ReviseRosterDraftRequest, d.ReviseRosterDraftResponse>;
  submitRosterDraft: Rpc<d.SubmitRosterDraftRequest, d.SubmitRosterDraftResponse>;
  approveRosterDraft: Rpc<d.ApproveRosterDraftRequest, d.ApproveRosterDraftResponse>;
  rejectRosterDraft: Rpc<d.RejectRosterDraftRequest, d.RejectRosterDraftResponse>;
  publishRosterDraft: Rpc<d.PublishRosterDraftRequest, d.PublishRosterDraftResponse>;
  getRosterDraft: Rpc<d.GetRosterDraftRequest, d.GetRosterDraftResponse>;
  draftHolidayRoster: Rpc<d.DraftHolidayRosterRequest, d.DraftHolidayRosterResponse>;
}

const methods: (keyof DutyRostersPort)[] = [
  'createRosterDraft',
  'reviseRosterDraft',
  'submitRosterDraft',
  'approveRosterDraft',
  'rejectRosterDraft',
  'publishRosterDraft',
  'getRosterDraft',
  'draftHolidayRoster',
];

/**
 * A roster-review client on the duty service's address (DUTY_GRPC_ADDR: rosters are served by the same process),
 * or, while it is unset, a port that answers SERVICE_UNAVAILABLE.
 */
export function createDutyRostersClient(
  address: string | undefined,
  timeoutMs: number,
): DutyRostersPort & { close(): void } {
  if (!address) {
    const down = () =>
      Promise.reject(
        new RemoteError(status.UNAVAILABLE, 'SERVICE_UNAVAILABLE', 'DUTY_GRPC_ADDR is not configured', []),
      );
    return { ...(Object.fromEntries(methods.map((m) => [m, down])) as unknown as DutyRostersPort), close: () => {} };
  }
  const client = createClient(d.DutyRosterServiceClient, address);
  const port = Object.fromEntries(
    methods.map((m) => {
      const fn = (client[m] as (...args: never[]) => unknown).bind(client);
      return [m, (req: unknown, call: CallCredentials) => callAs(fn as never, req, call, timeoutMs)];
    }),
  ) as unknown as DutyRostersPort;
  return { ...port, close: () => client.close() };
}
