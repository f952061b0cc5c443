import * as vscode from 'vscode';

export interface RecordedChatResponse {
  readonly markdown: string[];
  readonly buttons: vscode.Command[];
  readonly progress: string[];
  readonly result: vscode.ChatResult;
}

/**
 * Calls the participant's handler as the chat view would, with a stream that records what the view would render.
 * The request carries the prompt and slash command, and the language model when `model` is given (the chat view always
 * sends the one the user picked); no tool invocation token, which only the chat view can make.
 */
export async function askParticipant(participant: vscode.ChatParticipant, prompt: string, command?: string,
  token = new vscode.CancellationTokenSource().token, model?: vscode.LanguageModelChat): Promise<RecordedChatResponse> {
  const markdown: string[] = [];
  const buttons: vscode.Command[] = [];
  const progress: string[] = [];
  const stream: Pick<vscode.ChatResponseStream, 'markdown' | 'button' | 'progress'> = {
    markdown: (value) => { markdown.push(typeof value === 'string' ? value : value.value); },
    button: (button) => { buttons.push(button); },
    progress: (value) => { progress.push(value); },
  };
  const request = { prompt, command, model, toolInvocationToken: undefined } as unknown as vscode.ChatRequest;
  const result = await participant.requestHandler(request, { history: [] }, stream as vscode.ChatResponseStream, token) ?? {};
  return { markdown, buttons, progress, result };
}
