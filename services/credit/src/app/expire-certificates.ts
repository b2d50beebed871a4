import type { Actor } from '@gov/platform/auth';
import { expireLine } from '../domain/credit-line';
import { roleFor } from '../domain/permissions';
import type { Clock, CreditLines } from './ports';

/**
 * 信用证有效期 (spec credit §9.3: valid 3 years [inferred], CERTIFICATE_VALIDITY_YEARS): lines whose validity
 * ended become EXPIRED, audited, with credit.certificate.expired. Draws on them are refused
 * (CERTIFICATE_EXPIRED); loans already drawn keep running. A second pass finds nothing left to expire.
 */
export function createExpireCertificates(deps: { lines: CreditLines; clock: Clock }) {
  return async function expireCertificates(actor: Actor): Promise<{ expired: string[] }> {
    const role = roleFor(actor, 'expireCertificates');
    const at = deps.clock.now();
    const expired: string[] = [];
    for (const l of await deps.lines.listValidityEndedBefore(at)) {
      const next = expireLine(l.value, at);
      if (!next) continue;
      await deps.lines.update(
        next,
        l.version,
        [{ type: 'CertificateExpired', line: next, oldStatus: l.value.status, at }],
        {
          action: 'certificate.expired',
          actor,
          role,
          at,
          reason: 'validity ended',
          details: { certificateNo: next.certificateNo, validUntil: next.validUntil, oldStatus: l.value.status },
        },
        l,
      );
      expired.push(next.id);
    }
    return { expired };
  };
}
