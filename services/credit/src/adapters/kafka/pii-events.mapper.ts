import { creditEventsV1 as ev, creditEventTypes as t, topics } from '@gov/contracts';
import { outboxEntry, type OutboxEntry } from '@gov/platform';
import type { CreditEvent } from '../../app/ports';
import type { PartnerSealer } from '../crypto/partner-sealer';

type Disclosed = Extract<CreditEvent, { type: 'CertificateHolderDisclosed' }>;

/** The additional data every sealed copy is bound to, so a body cannot be moved to another household or key. */
export const sealedHolderAad = (keyId: string, householdId: string, certificateNo: string) =>
  `${keyId}|${householdId}|${certificateNo}`;

/**
 * A certificate holder's full identity number and phone → one SealedCertificateHolder per partner key on the
 * restricted gov.credit.pii.v1 (spec credit §19.1). The plaintext exists only in memory: the outbox stores the
 * sealed bytes.
 */
export function sealedHolderEntries(e: Disclosed, sealer: PartnerSealer): OutboxEntry[] {
  const l = e.line;
  const plain = ev.CertificateHolderPii.encode({ idNumber: e.idNumber, phone: e.phone }).finish();
  return sealer
    .seal(plain, (keyId) => sealedHolderAad(keyId, l.householdId, l.certificateNo))
    .map((s) =>
      outboxEntry({
        topic: topics.creditPii,
        type: t.sealedCertificateHolder,
        key: l.householdId,
        time: l.issuedAt,
        payload: ev.SealedCertificateHolder.encode({
          householdId: l.householdId,
          certificateNo: l.certificateNo,
          creditLineId: l.id,
          keyId: s.keyId,
          algorithm: 'AES-256-GCM',
          iv: s.iv,
          ciphertext: s.ciphertext,
          tag: s.tag,
          issuedAt: l.issuedAt.toISOString(),
        }).finish(),
      }),
    );
}
