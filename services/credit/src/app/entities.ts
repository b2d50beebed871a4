import type { Actor } from '@gov/platform/auth';
import { CreditError, rejectInvalid } from '../domain/credit-error';
import { shanghaiDate } from '../domain/calendar';
import { checkEntityLoan, entityLoanOf, fundShortfallFen, repayEntityLoan, type Entity } from '../domain/entity';
import { roleFor } from '../domain/permissions';
import type { LendingPolicy } from '../domain/policy';
import { derivedId } from './households';
import type { Clock, Entities } from './ports';

/** 带贫经营主体: registration, mutual-fund contributions and the bank's loan reports (spec credit §3.3, §11, §13.6). */
export function createEntityUseCases(deps: { entities: Entities; clock: Clock; lending: LendingPolicy }) {
  const load = async (id: string) => {
    const e = await deps.entities.get(id);
    if (!e) throw new CreditError('CREDIT_INPUT_INVALID', `entity ${id} does not exist`);
    return e;
  };

  async function register(
    input: Omit<Entity, 'id' | 'mutualFundPaidFen' | 'contributionRequests' | 'loans'>,
    actor: Actor,
  ) {
    const role = roleFor(actor, 'registerEntity');
    rejectInvalid(
      (['name', 'registrationNo', 'townshipId'] as const)
        .filter((f) => !input[f]?.trim())
        .map((f) => ({ field: f, message: 'required' })),
    );
    // one entity per registration number: the id derives from it, so a repeated registration is a no-op
    const entity: Entity = {
      id: derivedId('en', input.registrationNo),
      ...input,
      mutualFundPaidFen: 0,
      contributionRequests: [],
      loans: [],
    };
    await deps.entities.create(entity, [], {
      action: 'entity.registered',
      actor,
      role,
      at: deps.clock.now(),
      details: { kind: input.kind },
    });
    return (await load(entity.id)).value;
  }

  async function contribute(cmd: { entityId: string; receiptNo: string; amountFen: number }, actor: Actor) {
    const role = roleFor(actor, 'recordContribution');
    const e = await load(cmd.entityId);
    const opId = `contribution:${cmd.receiptNo}`;
    if (e.value.contributionRequests.some((r) => r.bankLoanNo === opId)) return e.value;
    const next = {
      ...e.value,
      mutualFundPaidFen: e.value.mutualFundPaidFen + cmd.amountFen,
      // the receipt is recorded beside the requests so a repeated receipt is not counted twice
      contributionRequests: [...e.value.contributionRequests, { bankLoanNo: opId, requiredFen: -cmd.amountFen }],
    };
    await deps.entities.update(
      next,
      e.version,
      [],
      { action: 'entity.mutual-fund-paid', actor, role, at: deps.clock.now(), details: { ...cmd } },
      e,
    );
    return next;
  }

  /**
   * The bank reports a disbursement to an entity. Without the 10% contribution the report is refused, and the
   * refusal is itself recorded with a contribution-required event to the bank — once per loan.
   */
  async function reportLoan(
    cmd: {
      entityId: string;
      bankLoanNo: string;
      principalFen: number;
      rateBp: number;
      termMonths: number;
      contractDate: string;
    },
    actor: Actor,
  ) {
    const role = roleFor(actor, 'reportLoan');
    const e = await load(cmd.entityId);
    if (e.value.loans.some((l) => l.bankLoanNo === cmd.bankLoanNo)) return e.value;
    const at = deps.clock.now();
    try {
      checkEntityLoan(e.value, cmd, deps.lending);
    } catch (err) {
      if (!(err instanceof CreditError) || err.code !== 'MUTUAL_FUND_CONTRIBUTION_MISSING') throw err;
      if (!e.value.contributionRequests.some((r) => r.bankLoanNo === cmd.bankLoanNo)) {
        const requiredFen = fundShortfallFen(e.value, cmd.principalFen, deps.lending);
        const next = {
          ...e.value,
          contributionRequests: [...e.value.contributionRequests, { bankLoanNo: cmd.bankLoanNo, requiredFen }],
        };
        await deps.entities.update(
          next,
          e.version,
          [{ type: 'MutualFundContributionRequired', entity: next, bankLoanNo: cmd.bankLoanNo, requiredFen, at }],
          {
            action: 'entity.contribution-required',
            actor,
            role,
            at,
            details: { bankLoanNo: cmd.bankLoanNo, requiredFen },
          },
          e,
        );
      }
      throw err;
    }
    const loan = entityLoanOf(derivedId('el', e.value.id, cmd.bankLoanNo), cmd);
    const next = { ...e.value, loans: [...e.value.loans, loan] };
    await deps.entities.update(
      next,
      e.version,
      [],
      { action: 'entity.loan-reported', actor, role, at, details: { ...cmd } },
      e,
    );
    return next;
  }

  /**
   * The bank reports principal repaid on an entity loan, so the 3% subsidy follows the daily balance (R12.3).
   * `opId` (the command's idempotency key) is recorded with the change: a retry finds it and changes nothing.
   */
  async function reportRepayment(
    cmd: { entityId: string; loanId: string; principalFen: number; paidAt: Date; opId: string },
    actor: Actor,
  ) {
    const role = roleFor(actor, 'reportLoan');
    rejectInvalid(
      Number.isSafeInteger(cmd.principalFen) && cmd.principalFen > 0
        ? []
        : [{ field: 'principalFen', message: 'a positive whole number of fen' }],
    );
    const e = await load(cmd.entityId);
    const opId = `repay:${cmd.opId}`;
    if (e.value.appliedOps?.includes(opId)) return e.value;
    const repaid = repayEntityLoan(e.value, { ...cmd, paidOn: shanghaiDate(cmd.paidAt) });
    const next = { ...repaid, appliedOps: [...(e.value.appliedOps ?? []), opId] };
    await deps.entities.update(
      next,
      e.version,
      [],
      {
        action: 'entity.loan-repaid',
        actor,
        role,
        at: deps.clock.now(),
        details: { loanId: cmd.loanId, principalFen: cmd.principalFen, paidAt: cmd.paidAt },
      },
      e,
    );
    return next;
  }

  return { register, contribute, reportLoan, reportRepayment };
}
