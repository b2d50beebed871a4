import { ValidationError } from '@gov/platform';
import { aRegisterBody, aRegisterSignedInBody } from '../../test/factories';
import { parseInput } from '../http/validate';
import { awaitingRegistrationQuery, registerIncomingBody, registerSignedInBody } from './documents.schema';

const violations = (body: unknown) => {
  try {
    parseInput(registerIncomingBody, body);
  } catch (e) {
    if (e instanceof ValidationError) return e.violations;
    throw e;
  }
  return [];
};

describe('registerIncomingBody', () => {
  it('accepts a complete body', () => {
    expect(violations(aRegisterBody())).toEqual([]);
  });

  it('fills the optional fields with the proto3 meaning of "not given"', () => {
    const { senderDocNo, ccOnly, fromSuperior, handlingLimitWorkingDays, ...required } = aRegisterBody();
    void [senderDocNo, ccOnly, fromSuperior, handlingLimitWorkingDays];
    expect(registerIncomingBody.parse(required)).toMatchObject({
      senderDocNo: '',
      ccOnly: false,
      fromSuperior: false,
      handlingLimitWorkingDays: 0,
    });
  });

  it('trims the title and refuses one that is only blanks', () => {
    expect(registerIncomingBody.parse(aRegisterBody({ title: '  通知 ' })).title).toBe('通知');
    expect(violations(aRegisterBody({ title: '   ' })).map((v) => v.field)).toEqual(['title']);
  });

  it('requires receivedAt as an RFC 3339 instant with an offset', () => {
    for (const receivedAt of ['2026-01-05', '2026-01-05T09:30:00', 'yesterday'])
      expect(violations(aRegisterBody({ receivedAt })).map((v) => v.field)).toEqual(['receivedAt']);
    expect(violations(aRegisterBody({ receivedAt: '2026-01-05T01:30:00Z' }))).toEqual([]);
  });

  it('refuses enum values outside the wire names, including the proto spellings', () => {
    const found = violations(aRegisterBody({ urgency: 'URGENCY_URGENT', classification: 'secret', channel: 2 }));
    expect(found.map((v) => v.field).sort()).toEqual(['channel', 'classification', 'urgency']);
  });

  it('names nested fields by path and unknown fields one by one', () => {
    const found = violations(aRegisterBody({ sender: { id: '' }, foo: 1, bar: 2 }));
    expect(found.map((v) => v.field).sort()).toEqual(['bar', 'foo', 'sender.id', 'sender.name']);
  });

  it('keeps the handling limit a whole number of working days within a year', () => {
    for (const handlingLimitWorkingDays of [-1, 2.5, 366, '5'])
      expect(violations(aRegisterBody({ handlingLimitWorkingDays })).map((v) => v.field)).toEqual([
        'handlingLimitWorkingDays',
      ]);
  });

  it('reports a body that is not an object as a single violation', () => {
    expect(violations(undefined)).toEqual([{ field: '(body)', message: expect.any(String) }]);
  });
});

describe('registerSignedInBody', () => {
  it('accepts what the 综合股 adds and fills the optional fields (spec document R-IN-5)', () => {
    const parsed = registerSignedInBody.parse(aRegisterSignedInBody({ sender: { id: 'x' }, senderDocNo: undefined }));
    expect(parsed).toMatchObject({ sender: { id: 'x', name: '' }, senderDocNo: '' });
    expect(parsed.urgency).toBeUndefined();
  });

  it('refuses the fields the duty desk already recorded, so a title or time of receipt cannot be rewritten here', () => {
    const found = registerSignedInBody.safeParse(
      aRegisterSignedInBody({ title: '改过的标题', receivedAt: '2026-11-22T09:50:00+08:00', channel: 'PAPER' }),
    );
    expect(found.success).toBe(false);
    expect(found.error?.issues.flatMap((i) => ('keys' in i ? i.keys : [])).sort()).toEqual([
      'channel',
      'receivedAt',
      'title',
    ]);
  });

  it('requires the classification and the nature, which only the 综合股 can tell', () => {
    const { classification, nature, ...rest } = aRegisterSignedInBody();
    void [classification, nature];
    const found = registerSignedInBody.safeParse(rest);
    expect(found.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['classification', 'nature']);
  });
});

describe('awaitingRegistrationQuery', () => {
  it('takes a page size from 1 to 200 and ignores unknown parameters', () => {
    expect(awaitingRegistrationQuery.parse({ pageSize: '200', _: '1' })).toEqual({ pageSize: 200 });
    for (const pageSize of ['0', '201', 'x'])
      expect(awaitingRegistrationQuery.safeParse({ pageSize }).success).toBe(false);
  });
});
