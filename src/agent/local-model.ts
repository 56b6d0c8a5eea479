// The built-in engine as a model of the agent SDK: it receives the same input items an LLM would
// and answers with the same function calls and messages, so the agent loop, the tools and
// persistence are one code path for every provider.
import { randomUUID } from 'node:crypto';
import {
  Usage,
  type AgentInputItem,
  type Model,
  type ModelProvider,
  type ModelRequest,
  type ModelResponse,
  type StreamEvent,
  type protocol,
} from '@openai/agents-core';
import { z } from 'zod';
import { readTimeLine } from '../calendar/time-line.js';
import { nextStep, type EngineContext, type EngineStep, type TranscriptEntry } from '../engine/index.js';

const argsSchema = z.record(z.string(), z.unknown());
const textPart = z.object({ type: z.string(), text: z.string() });

function parseArguments(raw: string): Record<string, unknown> {
  try {
    const parsed = argsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch (error) {
    // Malformed arguments from stored history: the engine only needs the call's name and result.
    return { _unparsed: raw, _error: error instanceof Error ? error.message : String(error) };
  }
}

/** Text of message content or a tool output: a string, one text part, or a list of parts. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  const single = textPart.safeParse(content);
  if (single.success) return single.data.text;
  if (Array.isArray(content)) {
    return content.flatMap((part) => {
      const p = textPart.safeParse(part);
      return p.success ? [p.data.text] : [];
    }).join('');
  }
  return '';
}

/** Converts the SDK's input items into the engine's transcript. */
export function toTranscript(input: string | AgentInputItem[]): TranscriptEntry[] {
  if (typeof input === 'string') return [{ kind: 'user', text: input }];
  const out: TranscriptEntry[] = [];
  for (const item of input) {
    if ('role' in item) {
      if (item.role === 'user') out.push({ kind: 'user', text: textOf(item.content) });
      else if (item.role === 'assistant') out.push({ kind: 'assistant', text: textOf(item.content) });
    } else if (item.type === 'function_call') {
      out.push({ kind: 'tool_call', callId: item.callId, name: item.name, arguments: parseArguments(item.arguments) });
    } else if (item.type === 'function_call_result') {
      out.push({ kind: 'tool_result', callId: item.callId, output: textOf(item.output) });
    }
  }
  return out;
}

/** Converts an engine step into the SDK's output items. */
export function toOutput(step: EngineStep): protocol.OutputModelItem[] {
  if (step.kind === 'tool_calls') {
    return step.calls.map((c) => ({
      type: 'function_call',
      id: `fc_${randomUUID()}`,
      callId: `call_${randomUUID()}`,
      name: c.name,
      arguments: JSON.stringify(c.arguments),
      status: 'completed',
    }));
  }
  return [
    {
      type: 'message',
      id: `msg_${randomUUID()}`,
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: step.text }],
    },
  ];
}

/**
 * When and where the user is, read from the instructions' line "Current date and time:
 * 2026-11-26T23:05 (Thursday), time zone Europe/Paris. Write dates for the user's locale: en-GB."
 * (src/calendar/time-line.ts writes and reads it); null without one (the engine then uses the real
 * clock and UTC). An unknown time zone reads as UTC; without a locale, dates are written en-GB style.
 */
export function contextFromInstructions(instructions: string | undefined): EngineContext | null {
  return readTimeLine(instructions);
}

/** The engine's next step for a model request. */
function stepFor(request: ModelRequest): EngineStep {
  return nextStep(toTranscript(request.input), contextFromInstructions(request.systemInstructions) ?? {});
}

/** Splits a reply into a few chunks for streaming (whole words, the last chunk takes the rest). */
function chunks(text: string, count = 3): string[] {
  const parts = text.split(/(?<=\s)/);
  const size = Math.max(1, Math.ceil(parts.length / count));
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += size) out.push(parts.slice(i, i + size).join(''));
  return out;
}

/** The built-in offline language engine behind the agent SDK's `Model` interface. */
export class LocalModel implements Model {
  /** Answers one model call: the next step of the agent loop. */
  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    const output = toOutput(stepFor(request));
    return { usage: new Usage(), output, responseId: `resp_${randomUUID()}` };
  }

  /** Streams the same answer: started, text deltas (for a message), done with the full output. */
  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    const step = stepFor(request);
    const output = toOutput(step);
    yield { type: 'response_started' };
    if (step.kind === 'message') {
      const itemId = output[0]?.id;
      for (const delta of chunks(step.text)) yield { type: 'output_text_delta', delta, ...(itemId ? { itemId } : {}) };
    }
    yield {
      type: 'response_done',
      response: {
        id: `resp_${randomUUID()}`,
        usage: { requests: 1, inputTokens: 0, outputTokens: 0, totalTokens: 0 },
        output,
      },
    };
  }
}

/** A model provider that always hands out the built-in engine. */
export const localModelProvider: ModelProvider = {
  getModel: () => new LocalModel(),
};
