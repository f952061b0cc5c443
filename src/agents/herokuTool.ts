// The one way a language model tool reaches Heroku: validate the input, resolve the scope, confirm (naming the scope,
// the provider and the host its token goes to), open the scope's connection (src/connection/ binds the token to its
// host), make the read, and hand back JSON within the token budget, redacted. Each tool only says what it reads.
import * as vscode from 'vscode';
import type { z } from 'zod';
import { describeError, isCancellation, UserFacingError } from '../common/errors';
import type { HerokuConnection, HerokuConnections } from '../connection';
import { toSingleLine } from '../model/markdown';
import { findScopeByName, toolTarget, type AgentDeps } from './scopes';
import { boundedJson, defaultTokenBudget, estimatedBudget, type TokenBudget, type ToolAnswer } from './toolOutput';
import { toolConfirmation } from './toolTexts';

export interface ScopeInput {
  readonly scope: string;
}

export interface HerokuToolSpec<Input extends ScopeInput> {
  readonly name: string;
  readonly input: z.ZodType<Input>;
  /** What the input must look like, for the message about bad input, e.g. `{ "scope": "…", "app": "…" }`. */
  readonly inputShape: string;
  /** Shown while the tool runs (plain text). */
  progress(input: Input): string;
  /** The confirmation's first sentence (Markdown; names through boldName). */
  action(input: Input): string;
  read(connection: HerokuConnection, input: Input, signal: AbortSignal): Promise<ToolAnswer>;
}

/** The input, validated; a clear message (and nothing sent) when it is not what the tool takes. */
export function parseToolInput<Input>(name: string, schema: z.ZodType<Input>, inputShape: string, input: unknown): Input {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
  throw new UserFacingError(vscode.l10n.t('The input of {0} is not valid ({1}). It takes {2}. Nothing was sent.', name, problems, inputShape));
}

/** The caller's token budget (never more than ours) and, when given, the model's own token count. */
export function budgetOf(options: vscode.LanguageModelToolInvocationOptions<unknown>): TokenBudget {
  const given = options.tokenizationOptions;
  if (given === undefined) return estimatedBudget();
  return { tokens: Math.min(defaultTokenBudget, given.tokenBudget), count: (text) => given.countTokens(text) };
}

/** A tool result of redacted JSON: no token, in any form, reaches the model. */
export async function jsonResult(services: AgentDeps, answer: ToolAnswer, options: vscode.LanguageModelToolInvocationOptions<unknown>): Promise<vscode.LanguageModelToolResult> {
  const text = services.logger.redactor.redact(await boundedJson(answer, budgetOf(options)));
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}

export function registerHerokuTool<Input extends ScopeInput>(services: AgentDeps, connections: HerokuConnections, spec: HerokuToolSpec<Input>): void {
  const { store, logger } = services;
  const tool: vscode.LanguageModelTool<Input> = {
    prepareInvocation: ({ input }) => {
      const parsed = spec.input.safeParse(input);
      // Bad input fails in invoke before anything is sent: there is nothing to confirm.
      if (!parsed.success) return { invocationMessage: vscode.l10n.t('Checking the input of {0}', spec.name) };
      return {
        invocationMessage: toSingleLine(spec.progress(parsed.data)),
        confirmationMessages: {
          title: vscode.l10n.t('Read from Heroku with scope "{0}"?', toSingleLine(parsed.data.scope)),
          // Untrusted and without HTML (the defaults): names come from the model's input and the API.
          message: new vscode.MarkdownString(toolConfirmation(spec.action(parsed.data), parsed.data.scope, toolTarget(services, parsed.data.scope))),
        },
      };
    },
    invoke: async (options, token) => {
      const input = parseToolInput(spec.name, spec.input, spec.inputShape, options.input);
      const scope = findScopeByName(services, input.scope);
      const abort = new AbortController();
      const listener = token.onCancellationRequested(() => abort.abort());
      try {
        const connection = await connections.forScope(scope);
        const answer = await spec.read(connection, input, abort.signal);
        logger.info(`${spec.name}: scope "${scope.name}" against ${connection.host}`);
        const where = { scope: scope.name, provider: store.provider(scope.providerId)?.name ?? '', host: connection.host };
        return await jsonResult(services, { ...answer, facts: { ...where, ...answer.facts } }, options);
      } catch (error) {
        logger.error(`${spec.name} failed`, error);
        if (isCancellation(error)) throw error;
        // What the model sees goes through the same redactor as every other message.
        throw new UserFacingError(logger.redactor.redact(describeError(error)));
      } finally {
        listener.dispose();
      }
    },
  };
  services.context.subscriptions.push(vscode.lm.registerTool(spec.name, tool));
}
