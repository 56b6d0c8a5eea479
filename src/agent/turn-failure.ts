import { MaxTurnsExceededError } from '@openai/agents-core';
import { isDatabaseUnavailable } from '../db/errors.js';
import { AppError } from '../errors.js';

/** What deciding a failure needs: the step bound it was run with, and a probe of the database. */
export interface FailureContext {
  maxTurns: number;
  /** Resolves true when the database answers: a failure no model status explains is checked against it. */
  isDatabaseUp: () => Promise<boolean>;
}

/** A failed turn as the API reports it: the database's outage is a 503 to retry, the model's a 502/504. */
export async function turnFailure(error: unknown, context: FailureContext): Promise<AppError> {
  const unavailable = () => new AppError('UNAVAILABLE', 'The database is unavailable; your message may not have been saved, retry shortly', { cause: error });
  if (isDatabaseUnavailable(error)) return unavailable();
  if (error instanceof MaxTurnsExceededError) {
    return new AppError('MODEL_ERROR', `The assistant did not finish within ${context.maxTurns} steps; your message was saved, try rephrasing`, { cause: error });
  }
  // Loaded on the first failure: the `openai` client it checks errors against is not needed before.
  const { isProviderError, modelFailure } = await import('./provider-errors.js');
  const failure = modelFailure(error);
  // An error no provider status explains may be the database going away in a shape not recognised above.
  if (failure.code === 'MODEL_ERROR' && !isProviderError(error) && !(await context.isDatabaseUp())) return unavailable();
  return failure;
}
