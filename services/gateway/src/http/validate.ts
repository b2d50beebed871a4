import { ValidationError, type FieldViolation } from '@gov/platform';
import type { z } from 'zod';

/** zod issues as the field/message list the problem body carries; unknown keys are named one by one. */
export function violationsOf(error: z.ZodError, prefix?: string): FieldViolation[] {
  return error.issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p): p is string => Boolean(p));
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ field: [...path, key].join('.'), message: 'unknown field' }));
    return [{ field: path.join('.') || '(body)', message: issue.message }];
  });
}

/**
 * Parses request input at the edge, failing with every violation at once. The owning service validates
 * the domain rules again; this only keeps malformed input away from it.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(violationsOf(parsed.error, prefix));
  return parsed.data;
}
