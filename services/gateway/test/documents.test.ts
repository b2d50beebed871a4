import { commonV1, documentV1 } from '@gov/contracts';
import { anAuditRecord, anIncomingDocument, aRegisterBody } from './factories';
import { aSigner, asCaller, startGateway, type Gateway } from './harness';

describe('incoming documents (收文)', () => {
  let signer: Awaited<ReturnType<typeof aSigner>>;
  let gw: Gateway;
  beforeAll(async () => {
    signer = await aSigner();
    gw = await startGateway({
      jwks: signer.jwks,
      ports: {
        documents: {
          async getIncoming(req) {
            return { document: anIncomingDocument({ id: req.id, handlingDueAt: '' }), audit: [anAuditRecord()] };
          },
        },
      },
    });
  });
  afterAll(() => gw.close());
  beforeEach(() => void (gw.seen.length = 0));

  const register = async (body: unknown, extra: Record<string, string> = {}) =>
    gw.fetch('/v1/documents/incoming', {
      method: 'POST',
      headers: asCaller(await signer.sign(), { 'idempotency-key': 'k-1', ...extra }),
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('registers with 201, a Location and the document as camelCase JSON with enum names', async () => {
    const res = await register(aRegisterBody());
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/v1/documents/incoming/doc-1');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({
      id: 'doc-1',
      receiptNo: 'SW-2026-00001',
      sender: { id: 'county/gov-office', name: '县政府办公室' },
      urgency: 'URGENT',
      classification: 'INTERNAL',
      nature: 'FOR_ACTION',
      channel: 'ELECTRONIC_GOV_NET',
      registeredByUnit: { id: 'gov-office/secretariat', name: '秘书科' },
    });
  });

  it('sends the service proto enum values, never the JSON names', async () => {
    await register(
      aRegisterBody({ urgency: 'EXTRA_URGENT', classification: 'TOP_SECRET', channel: 'FAX', nature: 'FOR_READING' }),
    );
    expect(gw.seen[0]?.req).toMatchObject({
      urgency: documentV1.Urgency.URGENCY_EXTRA_URGENT,
      classification: commonV1.Classification.CLASSIFICATION_TOP_SECRET,
      channel: documentV1.Channel.CHANNEL_FAX,
      nature: documentV1.IncomingNature.INCOMING_NATURE_FOR_READING,
    });
  });

  it('lists every invalid field at once as VALIDATION_FAILED, without calling the service', async () => {
    const res = await register(aRegisterBody({ title: '', urgency: 'VERY', receivedAt: '2026-01-05 09:30', extra: 1 }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; violations: { field: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.violations.map((v) => v.field).sort()).toEqual(['extra', 'receivedAt', 'title', 'urgency']);
    expect(gw.seen).toHaveLength(0);
  });

  it('answers MALFORMED_JSON for a body that does not parse', async () => {
    const res = await register('{"title": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await register('title=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers 413 for a body over 256 KiB', async () => {
    const res = await register(aRegisterBody({ title: 'x'.repeat(300 * 1024) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('reads a document with its audit trail, unset instants as null', async () => {
    const res = await gw.fetch('/v1/documents/incoming/doc-7', { headers: asCaller(await signer.sign()) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      document: { id: 'doc-7', handlingDueAt: null },
      audit: [{ seq: 1, action: 'REGISTERED', actor: { userId: 'u-clerk', name: '王文书', clearance: 'SECRET' } }],
    });
  });

  it('refuses an id that is not a plain identifier before asking the service', async () => {
    const res = await gw.fetch('/v1/documents/incoming/..%2F..%2Fetc', { headers: asCaller(await signer.sign()) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED', violations: [{ field: 'id' }] });
    expect(gw.seen).toHaveLength(0);
  });
});
