import { z } from 'zod';
import { instantJson, resourceId } from './common.schema';

/** Where an application came in (spec credit C2); every channel goes through the villager group's review. */
export const applicationChannel = z.enum(['VILLAGER_GROUP', 'SERVICE_CENTER', 'BANK_BRANCH']);
export type ApplicationChannelName = z.infer<typeof applicationChannel>;

/** The twelve 三好三强 / 三有三无 conditions of spec credit §4 R4.2. */
export const screeningCode = z.enum([
  'S-3G1',
  'S-3G2',
  'S-3G3',
  'S-3S1',
  'S-3S2',
  'S-3S3',
  'S-3Y1',
  'S-3Y2',
  'S-3Y3',
  'S-3W1',
  'S-3W2',
  'S-3W3',
]);

const reason = z.string().trim().max(500);

/** Body of POST /v1/credit/applications (农户申请). */
export const submitApplicationBody = z.strictObject({ householdId: resourceId, channel: applicationChannel });
export type SubmitApplicationBody = z.output<typeof submitApplicationBody>;

/** Body of POST /v1/credit/villager-groups/{id}/reviews (小组评议, one representative per 5 households). */
export const reviewApplicationsBody = z.strictObject({
  householdsInGroup: z.int().min(1).max(10000),
  representatives: z.array(z.string().trim().min(1).max(100)).max(2000),
  decisions: z
    .array(z.strictObject({ applicationId: resourceId, approve: z.boolean(), reason: reason.default('') }))
    .min(1)
    .max(1000),
});
export type ReviewApplicationsBody = z.output<typeof reviewApplicationsBody>;

const count = z.int().min(0).max(100000);

/** Body of POST /v1/credit/villages/{id}/assessments (村级评定 and its village notice, spec credit §5.1 steps 4-5). */
export const assessVillageBody = z.strictObject({
  meeting: z.strictObject({
    participantRoles: z
      .array(
        z.enum([
          'PARTY_SECRETARY',
          'TWO_COMMITTEES',
          'FIRST_SECRETARY',
          'WORK_TEAM',
          'POVERTY_TEAM_LEADER',
          'TOWNSHIP_CONTACT_LEADER',
        ]),
      )
      .max(20),
    partyMembers: count,
    partyReps: count,
    households: z.int().min(1).max(100000),
    villagerReps: count,
  }),
  decisions: z
    .array(z.strictObject({ applicationId: resourceId, approve: z.boolean(), reason: reason.default('') }))
    .min(1)
    .max(1000),
  startAt: instantJson,
  endAt: instantJson,
  postedLocation: z.string().trim().min(1).max(200),
});
export type AssessVillageBody = z.output<typeof assessVillageBody>;

/** Body of POST /v1/credit/notices/{id}/grade-notices (等级公示 by the township, spec credit §5.1 step 7). */
export const openGradeNoticeBody = z.strictObject({
  startAt: instantJson,
  endAt: instantJson,
  postedLocation: z.string().trim().min(1).max(200),
});

/** Body of POST /v1/credit/households/{id}/screenings (对象筛选): every condition with its evidence. */
export const screenHouseholdBody = z.strictObject({
  checks: z
    .array(
      z.strictObject({
        code: screeningCode,
        satisfied: z.boolean(),
        evidenceRef: z.string().trim().min(1).max(200),
      }),
    )
    .min(1)
    .max(12),
});

export const applicationJson = z
  .object({
    id: z.string(),
    householdId: z.string(),
    villagerGroupId: z.string(),
    channel: z.enum([...applicationChannel.options, 'UNSPECIFIED']),
    state: z.string().meta({ description: 'SUBMITTED, GROUP_REJECTED, INFO_COLLECTION, SCORED, … (spec credit §5.2)' }),
    priority: z.boolean().meta({ description: 'registered poor households are processed first (R4.1)' }),
    submittedAt: instantJson,
    history: z.array(z.object({ fromState: z.string(), toState: z.string(), at: instantJson, reason: z.string() })),
    noticeId: z.string().meta({ description: 'the notice the application is on (village, then grade notice)' }),
  })
  .meta({ description: '信用评定申请 — a rating application with its state history.' });

export const reviewJson = z.object({ applications: z.array(applicationJson) });
/** A household's applications, newest first. */
export const applicationListJson = z.object({ applications: z.array(applicationJson) });

export const assessmentJson = z
  .object({
    notice: z.unknown().meta({ description: 'the village notice (see Notice); null when nobody was approved' }),
    applications: z.array(applicationJson),
    warnings: z.array(z.string()).meta({ description: 'representative counts outside the "一般" ranges (recorded)' }),
  })
  .meta({ description: '村级评定 — the assessed applications and the village notice.' });

export const screeningJson = z
  .object({
    outcome: z.enum(['PASSED', 'FAILED']),
    failed: z.array(screeningCode),
    warnings: z.array(screeningCode).meta({ description: 'unmet conditions that only warn (S-3Y3, R4.3)' }),
    checks: z.array(z.object({ code: screeningCode, satisfied: z.boolean(), evidenceRef: z.string() })),
  })
  .meta({ description: '对象筛选 — the screening as recorded on the household.' });
