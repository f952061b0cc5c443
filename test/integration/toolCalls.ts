// One call of every Provider Desk language model tool, for the tool tests and the security suite's canary search.
import * as vscode from 'vscode';

export interface ToolCall {
  readonly name: string;
  readonly input: Record<string, unknown>;
  /** True for tools that call Heroku (all but the scope list). */
  readonly heroku: boolean;
}

export function everyToolCall(scope: string, app: string): ToolCall[] {
  return [
    { name: 'providerDesk_listHerokuApps', input: { scope }, heroku: true },
    { name: 'providerDesk_getHerokuAppInfo', input: { scope, app }, heroku: true },
    { name: 'providerDesk_listHerokuDynos', input: { scope, app }, heroku: true },
    { name: 'providerDesk_listHerokuReleases', input: { scope, app, limit: 5 }, heroku: true },
    { name: 'providerDesk_listHerokuAddons', input: { scope, app }, heroku: true },
    { name: 'providerDesk_listHerokuConfigVarNames', input: { scope, app }, heroku: true },
    { name: 'providerDesk_getHerokuAccount', input: { scope }, heroku: true },
    { name: 'providerDesk_listScopes', input: {}, heroku: false },
  ];
}

/** The tool's result as the model would get it: its text parts, joined. */
export function resultText(result: vscode.LanguageModelToolResult): string {
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

export async function invokeJson<T>(name: string, input: object, options: Partial<vscode.LanguageModelToolInvocationOptions<object>> = {}, token?: vscode.CancellationToken): Promise<T> {
  return JSON.parse(resultText(await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined, ...options }, token))) as T;
}
