/**
 * Acknowledgement budgets in seconds (spec duty §9.4 S2/S3 [inferred]): I/II — the office leader on duty
 * acknowledges within 2 min, the director and government leader within 5; others — 5 min for the office
 * leader, 10 for the next person. Configuration with these defaults.
 */
export interface EscalationPolicy {
  majorS2AckSec: number;
  majorS3AckSec: number;
  otherS2AckSec: number;
  otherS3AckSec: number;
  /** AK-2: an unacknowledged recipient is called again this many times before the chain moves on alone. */
  repeats: number;
  /** AK-2 / NF-7: seconds without an SMS delivery receipt before a voice call; absent or 0: off. [inferred] */
  voiceFallbackSec?: number;
}

export const defaultEscalationPolicy: EscalationPolicy = {
  majorS2AckSec: 120,
  majorS3AckSec: 300,
  otherS2AckSec: 300,
  otherS3AckSec: 600,
  repeats: 1,
  voiceFallbackSec: 30,
};
