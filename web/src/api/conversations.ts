// The conversation REST routes.
import * as z from 'zod/mini';
import type { ApiClient } from './http';
import { conversationSchema, messageSchema, type Conversation, type StoredMessage } from './schemas';

const conversationList = z.array(conversationSchema);
const messageList = z.array(messageSchema);
const CONVERSATION = '/api/{user_id}/conversations/{id}';

/** Lists the user's conversations, most recent first. */
export async function listConversations(api: ApiClient): Promise<Conversation[]> {
  const conversations = await api.json(conversationList, 'GET', '/api/{user_id}/conversations');
  return conversations.sort((a, b) => lastActivity(b) - lastActivity(a));
}

/** When a conversation was last touched, in epoch milliseconds. */
export function lastActivity(conversation: Conversation): number {
  return Date.parse(conversation.updated_at ?? conversation.created_at) || 0;
}

/** Loads a conversation's messages, oldest first. */
export function listMessages(api: ApiClient, id: number): Promise<StoredMessage[]> {
  return api.json(messageList, 'GET', `${CONVERSATION}/messages`, { id });
}

/** Renames a conversation. */
export async function renameConversation(api: ApiClient, id: number, title: string): Promise<void> {
  await api.send('PATCH', CONVERSATION, { id }, { title });
}

/** Deletes a conversation and its messages. */
export async function deleteConversation(api: ApiClient, id: number): Promise<void> {
  await api.send('DELETE', CONVERSATION, { id });
}
