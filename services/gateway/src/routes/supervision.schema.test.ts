import { closeItemBody, listItemsQuery, submitFeedbackBody } from './supervision.schema';
import { idParams } from './common.schema';

describe('listItemsQuery', () => {
  it('reads pageSize from the query string as an integer from 1 to 100', () => {
    expect(listItemsQuery.parse({ pageSize: '100' })).toEqual({ pageSize: 100 });
    for (const pageSize of ['0', '101', '-1', '1.5', 'ten', ['1', '2']])
      expect(listItemsQuery.safeParse({ pageSize }).success).toBe(false);
  });

  it('ignores parameters it does not know, such as cache busters', () => {
    expect(listItemsQuery.parse({ _: '1736000000', sourceId: 'doc-1' })).toEqual({ sourceId: 'doc-1' });
  });

  it('refuses a repeated sourceId rather than picking one', () => {
    expect(listItemsQuery.safeParse({ sourceId: ['a', 'b'] }).success).toBe(false);
  });
});

describe('idParams', () => {
  it.each(['doc-1', '65a1f0c2e4b0a1b2c3d4e5f6', '01JH6Z0V6M3N4P5Q6R7S8T9V0W', 'SW-2026-00001'])('accepts %s', (id) => {
    expect(idParams.safeParse({ id }).success).toBe(true);
  });

  it.each(['', '../etc', '.hidden', 'a b', 'x'.repeat(129)])('refuses %j', (id) => {
    expect(idParams.safeParse({ id }).success).toBe(false);
  });
});

describe('closeItemBody', () => {
  it('takes exactly one of a leader report and a cancellation reason', () => {
    expect(closeItemBody.safeParse({ leaderReport: '已报区长' }).success).toBe(true);
    expect(closeItemBody.safeParse({ cancellationReason: '重复立项' }).success).toBe(true);
    expect(closeItemBody.safeParse({}).success).toBe(false);
    expect(closeItemBody.safeParse({ leaderReport: 'a', cancellationReason: 'b' }).success).toBe(false);
  });
});

describe('submitFeedbackBody', () => {
  it('refuses a report whose required parts are blank', () => {
    expect(submitFeedbackBody.safeParse({ progress: ' ', result: 'r', problems: '无' }).success).toBe(false);
    expect(submitFeedbackBody.parse({ progress: 'p', result: 'r', problems: '无' })).toMatchObject({ nextSteps: '' });
  });
});
