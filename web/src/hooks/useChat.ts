// State of the chat: the open conversation's messages, the streaming turn and its failure.
import { useCallback, useEffect, useRef, useState } from 'react';
import { sendChat } from '../api/chat';
import { listMessages } from '../api/conversations';
import { describeError, isAbort, SessionExpiredError } from '../api/errors';
import type { ApiClient } from '../api/http';
import type { ChatResult, MessageChange, StoredMessage, ToolCall } from '../api/schemas';
import { browserLocale, browserTimeZone } from '../lib/due';
import { undoneGroups } from '../lib/turn-changes';

/** A message as the list renders it. */
export interface ChatMessage {
  readonly key: string;
  readonly role: 'user' | 'assistant';
  readonly content: string;
  readonly toolCalls: readonly ToolCall[];
  readonly createdAt: string;
  /** The assistant is still writing this one. */
  readonly streaming: boolean;
  /** The change group of a reply whose turn changed tasks (its Undo button), and whether it was undone. */
  readonly change: MessageChange | null;
}

/** A failure the banner shows; `kind` says what Retry does. */
export interface ChatFailure {
  readonly kind: 'send' | 'history';
  readonly message: string;
}

/** What the chat view renders and can do. */
export interface ChatState {
  readonly messages: readonly ChatMessage[];
  readonly sending: boolean;
  readonly loadingHistory: boolean;
  readonly failure: ChatFailure | null;
  /** Sends a message; resolves false when it did not go through (the caller keeps the text). */
  send(text: string): Promise<boolean>;
  reloadHistory(): void;
  dismissFailure(): void;
  /** Shows the replies of a change group as undone (after an undo from anywhere). */
  markUndone(groupId: string): void;
}

interface ChatCallbacks {
  onTurnComplete(result: ChatResult): void;
  onSessionExpired(): void;
}

function fromStored(message: StoredMessage): ChatMessage {
  return {
    key: `server-${message.id}`,
    role: message.role,
    content: message.content,
    toolCalls: message.tool_calls ?? [],
    createdAt: message.created_at,
    streaming: false,
    change: message.change_group ?? null,
  };
}

function withUndone(messages: readonly ChatMessage[], groups: ReadonlySet<string>): readonly ChatMessage[] {
  if (!messages.some((m) => m.change && !m.change.undone && groups.has(m.change.id))) return messages;
  return messages.map((m) => (m.change && groups.has(m.change.id) ? { ...m, change: { ...m.change, undone: true } } : m));
}

let localSeq = 0;

/** Runs the chat for the open conversation (null: a new one, created by the first message). */
export function useChat(api: ApiClient, conversationId: number | null, callbacks: ChatCallbacks): ChatState {
  const [messages, setMessages] = useState<readonly ChatMessage[]>([]);
  const [sending, setSending] = useState(false);
  const [loadingHistory, setLoadingHistory] = useState(false);
  const [failure, setFailure] = useState<ChatFailure | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const callbacksRef = useRef(callbacks);
  const inFlight = useRef<AbortController | null>(null);
  // The conversation a turn just created: its messages are already on screen, so no reload.
  const createdHere = useRef<number | null>(null);

  useEffect(() => {
    callbacksRef.current = callbacks;
  }, [callbacks]);

  useEffect(() => {
    if (conversationId !== null && createdHere.current === conversationId) {
      createdHere.current = null;
      return;
    }
    inFlight.current?.abort(); // switching conversations cancels the turn on screen
    setFailure(null);
    setMessages([]);
    if (conversationId === null) return;
    let cancelled = false;
    setLoadingHistory(true);
    listMessages(api, conversationId)
      .then((stored) => {
        if (!cancelled) setMessages(stored.map(fromStored));
      })
      .catch((cause: unknown) => {
        if (cancelled) return;
        if (cause instanceof SessionExpiredError) callbacksRef.current.onSessionExpired();
        setFailure({ kind: 'history', message: `Could not load this conversation: ${describeError(cause)}` });
      })
      .finally(() => {
        if (!cancelled) setLoadingHistory(false);
      });
    return () => {
      cancelled = true;
    };
  }, [api, conversationId, historyVersion]);

  useEffect(() => () => inFlight.current?.abort(), []);

  const send = useCallback(
    async (text: string): Promise<boolean> => {
      const controller = new AbortController();
      inFlight.current = controller;
      const seq = ++localSeq;
      const userKey = `local-user-${seq}`;
      const replyKey = `local-reply-${seq}`;
      const now = new Date().toISOString();
      const update = (change: (m: ChatMessage) => ChatMessage) =>
        setMessages((list) => list.map((m) => (m.key === replyKey ? change(m) : m)));
      setFailure(null);
      setSending(true);
      setMessages((list) => [
        ...list,
        { key: userKey, role: 'user', content: text, toolCalls: [], createdAt: now, streaming: false, change: null },
        { key: replyKey, role: 'assistant', content: '', toolCalls: [], createdAt: now, streaming: true, change: null },
      ]);
      try {
        const result = await sendChat(
          api,
          { message: text, conversationId, timezone: browserTimeZone(), locale: browserLocale() },
          {
            onDelta: (delta) => update((m) => ({ ...m, content: m.content + delta })),
            onToolCall: (call) => update((m) => ({ ...m, toolCalls: [...m.toolCalls, call] })),
          },
          controller.signal,
        );
        const change = result.change_group ? { id: result.change_group, undone: false } : null;
        update((m) => ({ ...m, content: result.response, toolCalls: result.tool_calls, streaming: false, change }));
        // "undo that" in the chat took back an earlier turn: its reply says so too.
        const undone = undoneGroups(result.tool_calls);
        if (undone.size) setMessages((list) => withUndone(list, undone));
        if (conversationId === null) createdHere.current = result.conversation_id;
        callbacksRef.current.onTurnComplete(result);
        return true;
      } catch (cause) {
        setMessages((list) => list.filter((m) => m.key !== userKey && m.key !== replyKey));
        if (isAbort(cause)) return false;
        if (cause instanceof SessionExpiredError) callbacksRef.current.onSessionExpired();
        else console.warn('chat turn failed', cause);
        setFailure({ kind: 'send', message: describeError(cause) });
        return false;
      } finally {
        if (inFlight.current === controller) inFlight.current = null;
        setSending(false);
      }
    },
    [api, conversationId],
  );

  const reloadHistory = useCallback(() => setHistoryVersion((v) => v + 1), []);
  const dismissFailure = useCallback(() => setFailure(null), []);
  const markUndone = useCallback((groupId: string) => setMessages((list) => withUndone(list, new Set([groupId]))), []);

  return { messages, sending, loadingHistory, failure, send, reloadHistory, dismissFailure, markUndone };
}
