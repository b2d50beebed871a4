import type { GatewayPorts } from '../clients';
import type { Route } from '../http/route';
import { creditRoutes } from './credit';
import { documentRoutes } from './documents';
import { dutyRoutes } from './duty';
import { dutyDeskRoutes } from './duty-desk';
import { dutyShiftsRoutes } from './duty-shifts';
import { dutyRostersRoutes } from './duty-rosters';
import { dutyLogRoutes } from './duty-log';
import { supervisionRoutes } from './supervision';

/** Every /v1 operation. A new service contributes one route file and one line here. */
export const allRoutes = (ports: GatewayPorts): Route[] => [
  ...documentRoutes(ports.documents),
  ...supervisionRoutes(ports.supervision),
  ...dutyRoutes(ports.duty),
  ...dutyLogRoutes(ports.duty),
  ...dutyDeskRoutes(ports.dutyDesk),
  ...dutyShiftsRoutes(ports.dutyShifts),
  ...dutyRostersRoutes(ports.dutyRosters),
  ...creditRoutes(ports.credit),
];
