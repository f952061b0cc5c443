// The part of the Chat Participant API (VS Code 1.90+) that Provider Desk uses. As for the language model tool (see
// lmTypes.ts), `engines.vscode` stays ^1.74.0 with @types/vscode 1.74, so these structural types describe what newer
// hosts provide and `chatApi()` returns undefined on hosts that lack it.
import * as vscode from 'vscode';

export interface ChatRequest {
  /** The message without the participant's name and the slash command. */
  readonly prompt: string;
  /** The slash command's name without the slash, if one was used. */
  readonly command: string | undefined;
}

export interface ChatResponseStream {
  markdown(value: string | vscode.MarkdownString): void;
  button(command: vscode.Command): void;
  progress(value: string): void;
}

export interface ChatResult {
  /** Shown in the chat as an error. */
  readonly errorDetails?: { readonly message: string };
  readonly metadata?: { readonly [key: string]: unknown };
}

/** The chat context (history) is not used: every message stands on its own. */
export type ChatRequestHandler = (request: ChatRequest, context: unknown, response: ChatResponseStream,
  token: vscode.CancellationToken) => vscode.ProviderResult<ChatResult | void>;

export interface ChatParticipant extends vscode.Disposable {
  readonly id: string;
  iconPath?: vscode.Uri;
  requestHandler: ChatRequestHandler;
}

export interface ChatApi {
  readonly chat: { createChatParticipant(id: string, handler: ChatRequestHandler): ChatParticipant };
}

/** The host's Chat Participant API, or undefined when this VS Code is older than the API. */
export function chatApi(): ChatApi | undefined {
  const candidate = vscode as unknown as Partial<{ chat: Partial<ChatApi['chat']> }>;
  return typeof candidate.chat?.createChatParticipant === 'function' ? candidate as ChatApi : undefined;
}
