import type { GatewayPorts } from '../clients';
import type { Route } from '../http/route';
import { documentRoutes } from './documents';
import { supervisionRoutes } from './supervision';

/** Every /v1 operation. A new service contributes one route file and one line here. */
export const allRoutes = (ports: GatewayPorts): Route[] => [
  ...documentRoutes(ports.documents),
  ...supervisionRoutes(ports.supervision),
];
