import { z } from 'zod';
import { AppError } from '../errors.js';

// C0 controls except tab and newline, DEL and C1: Postgres refuses NUL in text, and the others are invisible
// debris from pasted terminal output. A lone UTF-16 surrogate cannot be stored as UTF-8 either.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's whole job
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The contract's rule for every text field: control characters other than tab and newline are removed ("\r\n"
 * becomes "\n") and a lone surrogate becomes U+FFFD, before any other check.
 */
export function cleanText(value: string): string {
  return value.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** A string field under the text rule; chain its own checks (trim, min, max) after it. */
export function textSchema(error = 'must be a string') {
  return z.string({ error }).overwrite(cleanText);
}

/** A positive integer id (tasks, conversations). */
export const idSchema = z.coerce
  .number({ error: 'must be a positive integer' })
  .int('must be a positive integer')
  .positive('must be a positive integer')
  .max(2_147_483_647, 'is too large');

/** Any JSON object (a request body before its own schema checks the fields). */
export const jsonObjectSchema = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' });

/** A request body as a JSON object (an absent body is an empty one); anything else is VALIDATION_FAILED. */
export function jsonBody(body: unknown): Record<string, unknown> {
  return parseInput(jsonObjectSchema, body ?? {}, 'body');
}

/** Parse input with a schema or throw VALIDATION_FAILED naming the field and the reason. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'body'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('VALIDATION_FAILED', describeIssues(result.error, what), { cause: result.error });
}

/** One readable sentence for a zod error: "title must not be empty". */
export function describeIssues(error: z.ZodError, what = 'body'): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') return `${what} has unknown field(s): ${issue.keys.join(', ')}`;
      const field = issue.path.length ? issue.path.join('.') : what;
      return `${field} ${issue.message}`;
    })
    .join('; ');
}
