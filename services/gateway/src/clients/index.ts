import type { GatewayConfig } from '../config';
import { createCreditClient, type CreditPort } from './credit.grpc';
import { createDocumentsClient, type DocumentsPort } from './documents.grpc';
import { createDutyClient, type DutyPort } from './duty.grpc';
import { createDutyDeskClient, type DutyDeskPort } from './duty-desk.grpc';
import { createDutyShiftsClient, type DutyShiftsPort } from './duty-shifts.grpc';
import { createDutyRostersClient, type DutyRostersPort } from './duty-rosters.grpc';
import { createSupervisionClient, type SupervisionPort } from './supervision.grpc';

export type { CallCredentials } from './call';
export type { CreditPort } from './credit.grpc';
export type { DocumentsPort } from './documents.grpc';
export type { DutyPort } from './duty.grpc';
export type { DutyDeskPort } from './duty-desk.grpc';
export type { DutyShiftsPort } from './duty-shifts.grpc';
export type { DutyRostersPort } from './duty-rosters.grpc';
export type { SupervisionPort } from './supervision.grpc';

/** Every backend the routes call. A new service adds its port here, a client file and a route file. */
export interface GatewayPorts {
  documents: DocumentsPort;
  supervision: SupervisionPort;
  duty: DutyPort;
  /** DutyDeskService: served by the duty process, on DUTY_GRPC_ADDR. */
  dutyDesk: DutyDeskPort;
  /** DutyShiftService: served by the duty process, on DUTY_GRPC_ADDR. */
  dutyShifts: DutyShiftsPort;
  /** DutyRosterService: served by the duty process, on DUTY_GRPC_ADDR. */
  dutyRosters: DutyRostersPort;
  credit: CreditPort;
}

/** gRPC clients for the configured addresses; channels connect lazily on the first call. */
export function createGrpcPorts(config: GatewayConfig): { ports: GatewayPorts; close(): void } {
  const documents = createDocumentsClient(config.DOCUMENT_GRPC_ADDR, config.GRPC_TIMEOUT_MS);
  const supervision = createSupervisionClient(config.SUPERVISION_GRPC_ADDR, config.GRPC_TIMEOUT_MS);
  const duty = createDutyClient(config.DUTY_GRPC_ADDR, config.GRPC_TIMEOUT_MS);
  const dutyDesk = createDutyDeskClient(config.DUTY_GRPC_ADDR, config.GRPC_TIMEOUT_MS);
  const dutyShifts = createDutyShiftsClient(config.DUTY_GRPC_ADDR, config.GRPC_TIMEOUT_MS);
  const dutyRosters = createDutyRostersClient(config.DUTY_GRPC_ADDR, config.GRPC_TIMEOUT_MS);
  const credit = createCreditClient(config.CREDIT_GRPC_ADDR, config.GRPC_TIMEOUT_MS);
  return {
    ports: { documents, supervision, duty, dutyDesk, dutyShifts, dutyRosters, credit },
    close: () => {
      documents.close();
      supervision.close();
      duty.close();
      dutyDesk.close();
      dutyShifts.close();
      dutyRosters.close();
      credit.close();
    },
  };
}
