import { supervisionV1 } from '@gov/contracts';
import { aSupervisionItem } from '../../test/factories';
import {
  sourceTypeToProto,
  supervisionItemToJson,
  toListItemsRequest,
  urgencyLabelToProto,
} from './supervision.mapper';
import { listItemsQuery, supervisionItemJson } from './supervision.schema';

const meaningful = (e: Record<string, string | number>) =>
  Object.values(e).filter((v): v is number => typeof v === 'number' && v > 0);

describe('supervision mapper', () => {
  it.each([
    ['SourceType', supervisionV1.SourceType, sourceTypeToProto],
    ['UrgencyLabel', supervisionV1.UrgencyLabel, urgencyLabelToProto],
  ] as const)('maps every %s value of the proto to a JSON name', (_name, protoEnum, table) => {
    expect(Object.values(table).sort()).toEqual(meaningful(protoEnum).sort());
  });

  it('renders an item with enum names that satisfies the published schema', () => {
    const json = supervisionItemToJson(
      aSupervisionItem({ sourceType: supervisionV1.SourceType.SOURCE_TYPE_LEADER_INSTRUCTION }),
    );
    expect(json).toMatchObject({ sourceType: 'LEADER_INSTRUCTION', urgency: 'URGENT', ledgerNo: 'DC-2026-00001' });
    expect(supervisionItemJson.parse(json)).toEqual(json);
  });

  it('leaves absent paging to the service defaults (proto3 zero values)', () => {
    expect(toListItemsRequest(listItemsQuery.parse({}))).toEqual({
      sourceId: '',
      page: { pageSize: 0, pageToken: '' },
    });
  });

  it('passes filter and paging as given', () => {
    const query = listItemsQuery.parse({ sourceId: 'doc-1', pageSize: '25', pageToken: 'c2' });
    expect(toListItemsRequest(query)).toEqual({ sourceId: 'doc-1', page: { pageSize: 25, pageToken: 'c2' } });
  });
});
