import type { DutyRostersPort } from '../clients/duty-rosters.grpc';
import type { Route } from '../http/route';
import { parseInput } from '../http/validate';
import { present } from './common.mapper';
import { idParams } from './common.schema';
import { contactsToProto, rosterDraftToJson } from './duty-rosters.mapper';
import { approveBody, createDraftBody, holidayDraftBody, rejectBody, reviseDraftBody } from './duty-rosters.schema';

type Step =
  'reviseRosterDraft' | 'submitRosterDraft' | 'approveRosterDraft' | 'rejectRosterDraft' | 'publishRosterDraft';
type DraftRes = Promise<{ draft?: Parameters<typeof rosterDraftToJson>[0] }>;

const base = '/v1/duty/rosters/drafts';

/** 排班审核 — roster review and holiday rosters, served by the duty service (spec duty §4.2, §4.3). */
export function dutyRostersRoutes(rosters: DutyRostersPort): Route[] {
  /** POST /drafts/:id/<step>: one review command with its body; the port is read per request. */
  const reviewStep = (step: string, method: Step, parse?: (body: unknown) => object): Route => ({
    method: 'post',
    path: `${base}/:id/${step}`,
    async handle({ params, body }, { call, idempotencyKey }) {
      const { id } = parseInput(idParams, params);
      const run = rosters[method] as (req: object, c: typeof call) => DraftRes;
      const res = await run({ ...(parse ? parse(body ?? {}) : {}), idempotencyKey, id }, call);
      return { status: 200, body: rosterDraftToJson(present(res.draft, 'draft')) };
    },
  });
  const created = (d: ReturnType<typeof rosterDraftToJson>) => ({
    status: 201,
    body: d,
    location: `${base}/${encodeURIComponent(d.id)}`,
  });
  return [
    {
      method: 'post',
      path: base,
      async handle({ body }, { call, idempotencyKey }) {
        const b = parseInput(createDraftBody, body);
        const res = await rosters.createRosterDraft(
          { idempotencyKey, ...b, contacts: contactsToProto(b.contacts) },
          call,
        );
        return created(rosterDraftToJson(present(res.draft, 'draft')));
      },
    },
    {
      method: 'post',
      path: `${base}/holiday`,
      async handle({ body }, { call, idempotencyKey }) {
        const b = parseInput(holidayDraftBody, body);
        const res = await rosters.draftHolidayRoster(
          { idempotencyKey, ...b, contacts: contactsToProto(b.contacts) },
          call,
        );
        return created(rosterDraftToJson(present(res.draft, 'draft')));
      },
    },
    {
      method: 'get',
      path: `${base}/:id`,
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        const res = await rosters.getRosterDraft({ id }, call);
        return { status: 200, body: rosterDraftToJson(present(res.draft, 'draft')) };
      },
    },
    reviewStep('revision', 'reviseRosterDraft', (b) => {
      const r = parseInput(reviseDraftBody, b);
      return { ...r, contacts: contactsToProto(r.contacts) };
    }),
    reviewStep('submission', 'submitRosterDraft'),
    reviewStep('approval', 'approveRosterDraft', (b) => parseInput(approveBody, b)),
    reviewStep('rejection', 'rejectRosterDraft', (b) => parseInput(rejectBody, b)),
    reviewStep('publication', 'publishRosterDraft'),
  ];
}
