import { defaultDeskPolicy } from './desk-policy';
import {
  admissionDecision,
  recordPetitionVisit,
  recordVisitor,
  recordVisitorExit,
  requestPostLeave,
  type PostLeaveInput,
  type VisitorInput,
} from './security';

const t0 = new Date('2024-11-18T01:00:00Z');
const visitor = (o: Partial<VisitorInput> = {}): VisitorInput => ({
  visitorKind: 'OUTSIDE_VISITOR',
  name: '李四',
  hostUnitId: 'finance-bureau',
  business: '报送材料',
  hostConfirmed: true,
  idVerified: true,
  screened: true,
  ...o,
});

describe('visitor admission', () => {
  it('denies an outside visitor without a valid ID even when the host unit confirmed (spec duty §12.1 SC-3, §19 scenario 26)', () => {
    const t = recordVisitor('v1', visitor({ idVerified: false }), 'g1', t0);
    expect(t.next).toMatchObject({ status: 'DENIED', denyReasons: ['NO_VALID_ID'] });
    expect(t.events).toEqual([expect.objectContaining({ type: 'security.visitor_denied', reasons: ['NO_VALID_ID'] })]);
  });

  it('admits an outside visitor only with business, host consent, valid ID and screening (spec duty §12.1 SC-3)', () => {
    expect(recordVisitor('v1', visitor(), 'g1', t0).next.status).toBe('ADMITTED');
    expect(admissionDecision(visitor({ hostConfirmed: false, screened: false, business: '' })).sort()).toEqual([
      'NOT_SCREENED',
      'NO_BUSINESS_STATED',
      'NO_HOST_CONSENT',
    ]);
  });

  it('asks staff of other units for a valid ID only, and compound staff for nothing (spec duty §12.1 SC-1, SC-2)', () => {
    expect(
      admissionDecision(visitor({ visitorKind: 'OTHER_UNIT_STAFF', hostConfirmed: false, screened: false })),
    ).toEqual([]);
    expect(admissionDecision(visitor({ visitorKind: 'OTHER_UNIT_STAFF', idVerified: false }))).toEqual(['NO_VALID_ID']);
    expect(admissionDecision(visitor({ visitorKind: 'COMPOUND_STAFF', idVerified: false }))).toEqual([]);
  });

  it('records an exit only for an admitted visitor (spec duty §12.1 VisitorEntry states)', () => {
    const denied = recordVisitor('v1', visitor({ idVerified: false }), 'g1', t0).next;
    expect(() => recordVisitorExit(denied, t0)).toThrow(expect.objectContaining({ code: 'VISITOR_STATE' }));
    const inside = recordVisitor('v2', visitor(), 'g1', t0).next;
    expect(recordVisitorExit(inside, t0).next.status).toBe('EXITED');
  });
});

describe('requestPostLeave', () => {
  const leave = (o: Partial<PostLeaveInput> = {}): PostLeaveInput => ({
    guardId: 'g1',
    post: 'east-gate',
    approvedBy: 'sec-head',
    replacementId: 'g2',
    from: t0,
    to: new Date(t0.getTime() + 3600_000),
    reason: '就医',
    ...o,
  });

  it('rejects leaving with leader approval but no temporary replacement named (spec duty §12.3 SC-10, §19 scenario 27)', () => {
    expect(() => requestPostLeave('p1', leave({ replacementId: '' }), t0)).toThrow(
      expect.objectContaining({ code: 'POST_LEAVE_NO_REPLACEMENT' }),
    );
    expect(() => requestPostLeave('p1', leave({ replacementId: 'g1' }), t0)).toThrow(
      expect.objectContaining({ code: 'POST_LEAVE_NO_REPLACEMENT' }),
    );
  });

  it('rejects leaving without leader approval (spec duty §12.3 SC-10)', () => {
    expect(() => requestPostLeave('p1', leave({ approvedBy: '' }), t0)).toThrow(
      expect.objectContaining({ code: 'POST_LEAVE_NOT_APPROVED' }),
    );
  });

  it('records the absence with approval and replacement (spec duty §15.1 PostAbsence)', () => {
    expect(requestPostLeave('p1', leave(), t0).next).toMatchObject({ approvedBy: 'sec-head', replacementId: 'g2' });
  });
});

describe('recordPetitionVisit', () => {
  const ctx = { by: 'g1', at: t0, policy: defaultDeskPolicy };

  it('notifies the reception room, the petition bureau and public security for 60 petitioners (spec duty §12.5, §19 scenario 28)', () => {
    const t = recordPetitionVisit('pv1', { groupSize: 60, matter: '征地补偿', gate: 'main' }, ctx);
    expect(t.next).toMatchObject({ collective: true, largeScale: true });
    expect(t.next.notifications.map((n) => n.recipient)).toEqual([
      'PETITION_RECEPTION_ROOM',
      'PETITION_BUREAU',
      'PUBLIC_SECURITY',
    ]);
    expect(t.events).toEqual([expect.objectContaining({ type: 'security.petition_notified', largeScale: true })]);
  });

  it('notifies only the reception room below the large-scale threshold, which is configuration (spec duty §12.5 [inferred])', () => {
    const small = recordPetitionVisit('pv1', { groupSize: 6, matter: '', gate: 'main' }, ctx).next;
    expect(small).toMatchObject({ collective: true, largeScale: false });
    expect(small.notifications.map((n) => n.recipient)).toEqual(['PETITION_RECEPTION_ROOM']);
    const lowered = recordPetitionVisit(
      'pv2',
      { groupSize: 6, matter: '', gate: 'main' },
      {
        ...ctx,
        policy: { ...defaultDeskPolicy, largePetitionSize: 6 },
      },
    ).next;
    expect(lowered.largeScale).toBe(true);
  });

  it('refuses a group size below 1 with DESK_INPUT_INVALID', () => {
    expect(() => recordPetitionVisit('pv1', { groupSize: 0, matter: '', gate: '' }, ctx)).toThrow(
      expect.objectContaining({ code: 'DESK_INPUT_INVALID' }),
    );
  });
});
