import { status } from '@grpc/grpc-js';
import { commonV1, documentV1 } from '@gov/contracts';
import { RemoteError } from '@gov/platform';
import { incomingDocumentJson, incomingDocumentPageJson } from '../src/routes/documents.schema';
import { aRegisterSignedInBody } from './factories';
import { aSigner, asCaller, startGateway, type Gateway } from './harness';

// The 综合股's side of off-hours receipts at the edge (spec document R-IN-5, §5.11 I2): the list of documents
// the duty desk signed in, and their registration.
describe('off-hours handovers awaiting registration (spec document R-IN-5)', () => {
  let signer: Awaited<ReturnType<typeof aSigner>>;
  let gw: Gateway;
  beforeAll(async () => {
    signer = await aSigner();
    gw = await startGateway({ jwks: signer.jwks });
  });
  afterAll(() => gw.close());
  beforeEach(() => void (gw.seen.length = 0));

  const get = async (query = '') =>
    gw.fetch(`/v1/documents/incoming/awaiting-registration${query}`, { headers: asCaller(await signer.sign()) });
  const register = async (id: string, body: unknown, key: string | null = 'k-reg-1') =>
    gw.fetch(`/v1/documents/incoming/${id}/registration`, {
      method: 'POST',
      headers: asCaller(await signer.sign(), key ? { 'idempotency-key': key } : {}),
      body: JSON.stringify(body),
    });

  it('lists signed-in documents with what is not known yet as null, never as an empty instant', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(incomingDocumentPageJson.parse(body)).toEqual(body);
    expect(body).toMatchObject({
      nextPageToken: null,
      documents: [
        {
          id: 'in-duty-desk-1',
          state: 'SIGNED_IN',
          receiptNo: '',
          registeredAt: null,
          nature: 'UNSPECIFIED',
          channel: 'DUTY_HANDOVER',
          registrationDueAt: '2026-11-23T04:00:00.000Z',
          handedToUnit: { id: 'gov-office/general-section', name: '' },
          dutyHandover: { deskDocumentId: 'desk-1', kind: 'FAX' },
        },
      ],
    });
    // the fixed path is not mistaken for a document id
    expect(gw.seen.map((s) => s.method)).toEqual(['listAwaitingRegistration']);
  });

  it('passes the page size and token on, and refuses a page size out of range without asking the service', async () => {
    await get('?pageSize=20&pageToken=abc');
    expect(gw.seen[0]?.req).toEqual({ page: { pageSize: 20, pageToken: 'abc' } });
    const res = await get('?pageSize=500');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED', violations: [{ field: 'pageSize' }] });
    expect(gw.seen).toHaveLength(1);
  });

  it('registers with the Idempotency-Key, the id from the path and proto enums; no urgency keeps the desk one', async () => {
    const res = await register('in-duty-desk-1', aRegisterSignedInBody({ classification: 'SECRET' }));
    expect(res.status).toBe(200);
    expect(incomingDocumentJson.parse(await res.json())).toMatchObject({
      id: 'in-duty-desk-1',
      channel: 'DUTY_HANDOVER',
      dutyHandover: { deskDocumentId: 'desk-1' },
    });
    expect(gw.seen[0]).toMatchObject({
      method: 'registerSignedIn',
      req: {
        idempotencyKey: 'k-reg-1',
        id: 'in-duty-desk-1',
        classification: commonV1.Classification.CLASSIFICATION_SECRET,
        nature: documentV1.IncomingNature.INCOMING_NATURE_FOR_ACTION,
        urgency: documentV1.Urgency.URGENCY_UNSPECIFIED,
        sender: { id: 'pref-gov-office', name: '州人民政府办公室' },
      },
    });
    await register('in-duty-desk-1', aRegisterSignedInBody({ urgency: 'EXTRA_URGENT' }));
    expect(gw.seen[1]?.req).toMatchObject({ urgency: documentV1.Urgency.URGENCY_EXTRA_URGENT });
  });

  it('refuses a registration without an Idempotency-Key, or with an invalid body, before asking the service', async () => {
    const noKey = await register('in-duty-desk-1', aRegisterSignedInBody(), null);
    expect(noKey.status).toBe(400);
    expect(await noKey.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_MISSING' });
    const bad = await register(
      'in-duty-desk-1',
      aRegisterSignedInBody({ nature: undefined, title: 'x', sender: { id: '' } }),
    );
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { code: string; violations: { field: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.violations.map((v) => v.field).sort()).toEqual(['nature', 'sender.id', 'title']);
    expect(gw.seen).toHaveLength(0);
  });

  it('answers 409 with INCOMING_ALREADY_REGISTERED when the document was registered already (spec document §5.11 I2)', async () => {
    const refusing = await startGateway({
      jwks: signer.jwks,
      ports: {
        documents: {
          registerSignedIn: () =>
            Promise.reject(
              new RemoteError(
                status.FAILED_PRECONDITION,
                'INCOMING_ALREADY_REGISTERED',
                'incoming document in-duty-desk-1 is already registered as SW-2026-00007',
                [],
              ),
            ),
        },
      },
    });
    try {
      const res = await refusing.fetch('/v1/documents/incoming/in-duty-desk-1/registration', {
        method: 'POST',
        headers: asCaller(await signer.sign(), { 'idempotency-key': 'k-2' }),
        body: JSON.stringify(aRegisterSignedInBody()),
      });
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ code: 'INCOMING_ALREADY_REGISTERED', status: 409 });
    } finally {
      await refusing.close();
    }
  });
});
