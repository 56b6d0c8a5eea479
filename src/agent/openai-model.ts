// The OpenAI-compatible provider, loaded only when MODEL_PROVIDER=openai: the `openai` client and the SDK's
// OpenAI half (with its tracing exporter) add seconds to a start that the built-in engine does not need.
import { OpenAIChatCompletionsModel, type Model } from '@openai/agents';
import OpenAI from 'openai';
import type { Config } from '../config.js';

/** A Chat Completions model on any OpenAI-compatible server. */
export function createOpenAIModel(config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'MODEL_TIMEOUT_MS' | 'MODEL_MAX_RETRIES'>): Model {
  const client = new OpenAI({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    timeout: config.MODEL_TIMEOUT_MS,
    // The client retries 408/409/429/5xx and connection failures with exponential backoff (honouring Retry-After).
    maxRetries: config.MODEL_MAX_RETRIES,
  });
  return new OpenAIChatCompletionsModel(client, config.OPENAI_MODEL);
}
