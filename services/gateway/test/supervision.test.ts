import { aSupervisionItem } from './factories';
import { aSigner, asCaller, startGateway, type Gateway } from './harness';

describe('supervision items (督办事项)', () => {
  let signer: Awaited<ReturnType<typeof aSigner>>;
  let gw: Gateway;
  beforeAll(async () => {
    signer = await aSigner();
    gw = await startGateway({
      jwks: signer.jwks,
      ports: {
        supervision: {
          async listItems(req) {
            const more = req.page?.pageToken === '';
            return { items: [aSupervisionItem()], page: { nextPageToken: more ? 'cursor-2' : '' } };
          },
        },
      },
    });
  });
  afterAll(() => gw.close());
  beforeEach(() => void (gw.seen.length = 0));

  const get = async (path: string) => gw.fetch(path, { headers: asCaller(await signer.sign()) });

  it('lists items with enum names and a cursor, null on the last page', async () => {
    const first = await get('/v1/supervision/items?sourceId=doc-1&pageSize=20');
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      items: [{ id: 'item-1', ledgerNo: 'DC-2026-00001', sourceType: 'DOCUMENT', urgency: 'URGENT' }],
      nextPageToken: 'cursor-2',
    });
    const last = await get('/v1/supervision/items?pageToken=cursor-2');
    expect(await last.json()).toMatchObject({ nextPageToken: null });
  });

  it('passes the filter and paging to the service', async () => {
    const spy = await startGateway({ jwks: signer.jwks });
    try {
      await spy.fetch('/v1/supervision/items?sourceId=doc-1&pageSize=20&pageToken=abc', {
        headers: asCaller(await signer.sign()),
      });
      expect(spy.seen[0]?.req).toEqual({ sourceId: 'doc-1', page: { pageSize: 20, pageToken: 'abc' } });
    } finally {
      await spy.close();
    }
  });

  it.each(['pageSize=0', 'pageSize=101', 'pageSize=ten', 'sourceId=a&sourceId=b'])(
    'refuses the query %s as VALIDATION_FAILED',
    async (query) => {
      const res = await get(`/v1/supervision/items?${query}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    },
  );

  it('reads one item with its audit trail', async () => {
    const res = await get('/v1/supervision/items/item-9');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ item: { id: 'item-9', dueProvisional: false }, audit: [] });
  });
});
