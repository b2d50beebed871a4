import type { Connection } from 'mongoose';
import { topics } from '@gov/contracts';
import { createSequences, type EventHandler, type OutboxHandoff } from '@gov/platform';
import { createGetIncoming } from './app/get-incoming';
import { createListAwaitingRegistration } from './app/list-awaiting-registration';
import { createRegisterIncoming } from './app/register-incoming';
import { createRegisterSignedIn } from './app/register-signed-in';
import { createSignInDutyHandover } from './app/sign-in-duty-handover';
import { documentGrpcHandlers } from './adapters/grpc/document.grpc';
import { dutyEventHandlers } from './adapters/kafka/duty-events.consumer';
import { createIncomingDocumentRepository } from './adapters/mongo/incoming-document.repository';
import type { Idempotency } from './app/ports';
import type { Clock } from './domain/clock';
import type { RegistrationPolicy } from './domain/registration-policy';
import type { WorkingDays } from './domain/working-calendar';

/** A consumer group main.ts starts with the kit (inbox de-duplication, parking). */
export interface ConsumerSpec {
  groupId: string;
  topics: string[];
  handlers: Record<string, EventHandler>;
}

/**
 * Repository, use cases, gRPC handlers and consumer groups of document, wired by hand. main.ts and the
 * integration tests both build the service through this, so the tests run the wiring that ships.
 */
export function wireDocument(deps: {
  mongo: Connection;
  handoff: OutboxHandoff;
  idempotency: Idempotency;
  clock: Clock;
  calendar: WorkingDays;
  policy: RegistrationPolicy;
  generalSectionId: string;
  dutyRoomId: string;
}) {
  const documents = createIncomingDocumentRepository(deps.mongo, { handoff: deps.handoff });
  const sequences = createSequences(deps.mongo);
  // one 收文号 sequence per year, whichever way a document is registered
  const registration = {
    documents,
    receiptNumbers: {
      next: (year: number) => sequences.next(`receipt-${year}`),
      release: async (year: number, seq: number, reason: string) =>
        void (await sequences.release(`receipt-${year}`, seq, reason)),
    },
    idempotency: deps.idempotency,
    clock: deps.clock,
    calendar: deps.calendar,
    policy: deps.policy,
  };
  const registerIncoming = createRegisterIncoming(registration);
  const registerSignedIn = createRegisterSignedIn(registration);
  const signInHandover = createSignInDutyHandover({
    documents,
    clock: deps.clock,
    calendar: deps.calendar,
    policy: deps.policy,
    generalSectionId: deps.generalSectionId,
    dutyDesk: {
      userId: 'duty-desk',
      name: '值班室',
      orgUnitId: deps.dutyRoomId,
      roles: ['DUTY_OFFICER'],
      clearance: 'INTERNAL',
    },
  });
  const consumers: ConsumerSpec[] = [
    { groupId: 'document.duty-events', topics: [topics.duty], handlers: dutyEventHandlers(signInHandover) },
  ];
  return {
    documents,
    models: [documents.model],
    grpcHandlers: documentGrpcHandlers({
      registerIncoming,
      getIncoming: createGetIncoming({ documents }),
      listAwaitingRegistration: createListAwaitingRegistration({ documents, policy: deps.policy }),
      registerSignedIn,
    }),
    consumers,
  };
}
