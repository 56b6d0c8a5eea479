import { setTracingDisabled, type Model } from '@openai/agents-core';
import type { Config } from '../config.js';
import { LocalModel } from './local-model.js';

/**
 * The configured language model: the built-in engine, or any OpenAI-compatible Chat Completions server. The
 * OpenAI provider is imported only when chosen (the `openai` client costs seconds of start-up).
 */
export async function createModel(
  config: Pick<Config, 'MODEL_PROVIDER' | 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'MODEL_TIMEOUT_MS' | 'MODEL_MAX_RETRIES' | 'AGENT_TRACING'>,
): Promise<Model> {
  const model = config.MODEL_PROVIDER === 'local' ? new LocalModel() : (await import('./openai-model.js')).createOpenAIModel(config);
  // Tracing would export users' tasks to a third party: off unless explicitly enabled (set after the import that registers the exporter).
  setTracingDisabled(!config.AGENT_TRACING);
  return model;
}
