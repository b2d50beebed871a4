import { supervisionV1 } from '@gov/contracts';
import { createClient } from '@gov/platform';
import { callAs, type CallCredentials } from './call';

/** The supervision service as the routes see it. */
export interface SupervisionPort {
  getItem(req: supervisionV1.GetItemRequest, call: CallCredentials): Promise<supervisionV1.GetItemResponse>;
  listItems(req: supervisionV1.ListItemsRequest, call: CallCredentials): Promise<supervisionV1.ListItemsResponse>;
}

export function createSupervisionClient(address: string, timeoutMs: number): SupervisionPort & { close(): void } {
  const client = createClient(supervisionV1.SupervisionServiceClient, address);
  return {
    getItem: (req, call) => callAs(client.getItem.bind(client), req, call, timeoutMs),
    listItems: (req, call) => callAs(client.listItems.bind(client), req, call, timeoutMs),
    close: () => client.close(),
  };
}
