import { OpenAIChatCompletionsModel, setTracingDisabled, type Model } from '@openai/agents';
import OpenAI from 'openai';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { LocalModel } from './local-model.js';

/** The configured language model: the built-in engine, or any OpenAI-compatible Chat Completions server. */
export function createModel(config: Pick<Config, 'MODEL_PROVIDER' | 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'MODEL_TIMEOUT_MS' | 'MODEL_MAX_RETRIES' | 'AGENT_TRACING'>): Model {
  // Tracing would export users' tasks to a third party: off unless explicitly enabled.
  setTracingDisabled(!config.AGENT_TRACING);
  if (config.MODEL_PROVIDER === 'local') return new LocalModel();
  const client = new OpenAI({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    timeout: config.MODEL_TIMEOUT_MS,
    // The client retries 408/409/429/5xx and connection failures with exponential backoff (honouring Retry-After).
    maxRetries: config.MODEL_MAX_RETRIES,
  });
  return new OpenAIChatCompletionsModel(client, config.OPENAI_MODEL);
}

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
