// The part of the Language Model Tool API (VS Code 1.95+) that Provider Desk uses. package.json keeps
// `engines.vscode` ^1.74.0 and @types/vscode 1.74, whose typings have none of it, so these structural types describe
// what newer hosts provide and `lmApi()` returns undefined on hosts that lack it.
import * as vscode from 'vscode';

export interface LanguageModelToolInvocationOptions<T> {
  readonly input: T;
  readonly toolInvocationToken: unknown;
}

export interface LanguageModelToolInvocationPrepareOptions<T> {
  readonly input: T;
}

export interface PreparedToolInvocation {
  readonly invocationMessage?: string | vscode.MarkdownString;
  readonly confirmationMessages?: { readonly title: string; readonly message: string | vscode.MarkdownString };
}

/** Opaque: built with the host's constructor and handed back to it. */
export interface LanguageModelToolResult {
  readonly content: readonly unknown[];
}

export interface LanguageModelTool<T> {
  invoke(options: LanguageModelToolInvocationOptions<T>, token: vscode.CancellationToken): vscode.ProviderResult<LanguageModelToolResult>;
  prepareInvocation?(options: LanguageModelToolInvocationPrepareOptions<T>, token: vscode.CancellationToken): vscode.ProviderResult<PreparedToolInvocation>;
}

export interface LmApi {
  readonly lm: { registerTool<T>(name: string, tool: LanguageModelTool<T>): vscode.Disposable };
  readonly LanguageModelToolResult: new (content: unknown[]) => LanguageModelToolResult;
  readonly LanguageModelTextPart: new (value: string) => unknown;
}

/** The host's Language Model Tool API, or undefined when this VS Code is older than the API. */
export function lmApi(): LmApi | undefined {
  const candidate = vscode as unknown as Partial<{ lm: Partial<LmApi['lm']> }> & Partial<Omit<LmApi, 'lm'>>;
  if (typeof candidate.lm?.registerTool !== 'function') return undefined;
  if (typeof candidate.LanguageModelToolResult !== 'function' || typeof candidate.LanguageModelTextPart !== 'function') return undefined;
  return candidate as LmApi;
}
