// How a provider's failures read (this module loads the `openai` client: turn-failure.ts imports it only when a turn fails).
import OpenAI from 'openai';
import { AppError } from '../errors.js';

/** Turn a provider failure into the API's 502 (bad answer or error) or 504 (too slow). */
export function modelFailure(error: unknown): AppError {
  if (error instanceof OpenAI.APIConnectionTimeoutError || (error instanceof Error && error.name === 'AbortError')) {
    return new AppError('MODEL_TIMEOUT', 'The language model did not answer in time; your message was saved, try again', { cause: error });
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    return new AppError('MODEL_ERROR', `The language model provider returned an error (${error.status}); your message was saved, try again`, { cause: error });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new AppError('MODEL_ERROR', 'The language model provider could not be reached; your message was saved, try again', { cause: error });
  }
  return new AppError('MODEL_ERROR', 'The language model failed to produce a usable answer; your message was saved, try again', { cause: error });
}

/** True for the provider's own failures (an HTTP status, a connection or a timeout), which are never the database's. */
export function isProviderError(error: unknown): boolean {
  return error instanceof OpenAI.APIError || (error instanceof Error && error.name === 'AbortError');
}
