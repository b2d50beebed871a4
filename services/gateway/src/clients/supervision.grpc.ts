import { supervisionV1 } from '@gov/contracts';
import { createClient } from '@gov/platform';
import { callAs, type CallCredentials } from './call';

/** The supervision service as the routes see it. */
export interface SupervisionPort {
  getItem(req: supervisionV1.GetItemRequest, call: CallCredentials): Promise<supervisionV1.GetItemResponse>;
  listItems(req: supervisionV1.ListItemsRequest, call: CallCredentials): Promise<supervisionV1.ListItemsResponse>;
  submitFeedback(
    req: supervisionV1.SubmitFeedbackRequest,
    call: CallCredentials,
  ): Promise<supervisionV1.SubmitFeedbackResponse>;
  acceptFeedback(
    req: supervisionV1.AcceptFeedbackRequest,
    call: CallCredentials,
  ): Promise<supervisionV1.AcceptFeedbackResponse>;
  returnFeedback(
    req: supervisionV1.ReturnFeedbackRequest,
    call: CallCredentials,
  ): Promise<supervisionV1.ReturnFeedbackResponse>;
  closeItem(req: supervisionV1.CloseItemRequest, call: CallCredentials): Promise<supervisionV1.CloseItemResponse>;
}

export function createSupervisionClient(address: string, timeoutMs: number): SupervisionPort & { close(): void } {
  const client = createClient(supervisionV1.SupervisionServiceClient, address);
  return {
    getItem: (req, call) => callAs(client.getItem.bind(client), req, call, timeoutMs),
    listItems: (req, call) => callAs(client.listItems.bind(client), req, call, timeoutMs),
    submitFeedback: (req, call) => callAs(client.submitFeedback.bind(client), req, call, timeoutMs),
    acceptFeedback: (req, call) => callAs(client.acceptFeedback.bind(client), req, call, timeoutMs),
    returnFeedback: (req, call) => callAs(client.returnFeedback.bind(client), req, call, timeoutMs),
    closeItem: (req, call) => callAs(client.closeItem.bind(client), req, call, timeoutMs),
    close: () => client.close(),
  };
}
