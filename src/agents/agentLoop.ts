// The @providerdesk agent: a tool-calling loop with the language model the user picked in chat. The model gets the
// Provider Desk tools (every language model tool tagged `providerDesk`, whoever registers it), each bound to one
// scope; a tool's result, or what went wrong with the call, goes back to the model, redacted, until it answers.
// Bounded in rounds and time, and cancellable.
import * as vscode from 'vscode';
import { describeError, isCancellation } from '../common/errors';
import type { Logger } from '../common/logger';
import { herokuToolProgress } from './herokuTools';
import { agentInstructions, providerDeskToolTag, toolProgress, type AgentScope, type AgentToolCall } from './agentText';
import { bindToolInput, schemaForModel } from './toolInput';

export interface AgentLimits {
  /** Requests to the model; a model still calling tools after the last one gets no further turn. */
  readonly rounds: number;
  readonly milliseconds: number;
}

export const defaultAgentLimits: AgentLimits = { rounds: 8, milliseconds: 60_000 };

export interface AgentRun {
  readonly model: vscode.LanguageModelChat;
  readonly scope: AgentScope;
  readonly question: string;
  /** The chat request's token: with it VS Code shows each tool call (and its confirmation) in the chat. */
  readonly toolInvocationToken: vscode.ChatParticipantToolToken | undefined;
  /** Receives the model's text as it streams, and progress while a tool runs. */
  readonly response: Pick<vscode.ChatResponseStream, 'markdown' | 'progress'>;
  readonly token: vscode.CancellationToken;
  /** Its redactor is the one every text to the model or the chat passes through. */
  readonly logger: Logger;
  readonly limits?: AgentLimits;
}

export type AgentOutcome =
  | 'answered'
  | 'cancelled'
  /** The model was still calling tools after the last round. */
  | 'rounds'
  | 'timeout'
  /** The model refused the first request (no permission, not found, blocked): nothing was asked of Heroku. */
  | 'unavailable'
  | 'failed';

export interface AgentResult {
  readonly outcome: AgentOutcome;
  readonly limits: AgentLimits;
  readonly calls: readonly AgentToolCall[];
  readonly error?: string;
}

/** The Provider Desk tools: every language model tool tagged for them, whichever part of the extension registers it. */
function providerDeskTools(): readonly vscode.LanguageModelToolInformation[] {
  return vscode.lm.tools.filter((tool) => tool.tags.includes(providerDeskToolTag));
}

/** A tool as the model sees it: the scope property is the agent's to fill. */
function forModel({ name, description, inputSchema }: vscode.LanguageModelToolInformation): vscode.LanguageModelChatTool {
  return { name, description, inputSchema: schemaForModel(inputSchema) };
}

/** A tool's error as the model gets it: tools throw messages written for the user, which lose their class on the way. */
function toolErrorText(error: unknown): string {
  return error instanceof Error ? error.message : describeError(error);
}

function textOf(parts: readonly unknown[]): string {
  return parts.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

export async function runAgent(run: AgentRun): Promise<AgentResult> {
  const { model, scope, response, logger } = run;
  const redact = (text: string): string => logger.redactor.redact(text);
  const limits = run.limits ?? defaultAgentLimits;
  const stop = new vscode.CancellationTokenSource();
  const onCancel = run.token.onCancellationRequested(() => stop.cancel());
  if (run.token.isCancellationRequested) stop.cancel();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; stop.cancel(); }, limits.milliseconds);
  const tools = providerDeskTools();
  const offered = tools.map(forModel);
  const calls: AgentToolCall[] = [];
  const messages = [vscode.LanguageModelChatMessage.User(agentInstructions(scope)), vscode.LanguageModelChatMessage.User(run.question)];

  /** The tool's result, or what went wrong, as the model gets it; only tools the agent offered run. */
  const callTool = async (call: vscode.LanguageModelToolCallPart): Promise<vscode.LanguageModelToolResultPart> => {
    const reply = (text: string): vscode.LanguageModelToolResultPart =>
      new vscode.LanguageModelToolResultPart(call.callId, [new vscode.LanguageModelTextPart(redact(text))]);
    const tool = tools.find((candidate) => candidate.name === call.name);
    if (tool === undefined) {
      return reply(vscode.l10n.t('Error: there is no tool named "{0}". The tools are: {1}.', call.name, tools.map((candidate) => candidate.name).join(', ')));
    }
    const bound = bindToolInput(tool.inputSchema, call.input, scope.name);
    if (!bound.ok) return reply(vscode.l10n.t('Error: {0}', bound.error));
    response.progress(herokuToolProgress(call.name, bound.input) ?? toolProgress({ name: call.name, input: bound.input }, scope.name));
    try {
      const result = await vscode.lm.invokeTool(call.name, { input: bound.input, toolInvocationToken: run.toolInvocationToken }, stop.token);
      calls.push({ name: call.name, input: bound.input, failed: false });
      return reply(textOf(result.content));
    } catch (error) {
      if (isCancellation(error) || stop.token.isCancellationRequested) throw error;
      calls.push({ name: call.name, input: bound.input, failed: true });
      return reply(vscode.l10n.t('Error: {0}', toolErrorText(error)));
    }
  };

  try {
    for (let round = 0; round < limits.rounds; round++) {
      let answer: vscode.LanguageModelChatResponse;
      try {
        answer = await model.sendRequest(messages, { tools: offered }, stop.token);
      } catch (error) {
        if (round === 0 && error instanceof vscode.LanguageModelError && !stop.token.isCancellationRequested) {
          return { outcome: 'unavailable', limits, calls, error: redact(error.message) };
        }
        throw error;
      }
      const text: vscode.LanguageModelTextPart[] = [];
      const toolCalls: vscode.LanguageModelToolCallPart[] = [];
      for await (const part of answer.stream) {
        if (part instanceof vscode.LanguageModelTextPart) {
          text.push(part);
          response.markdown(redact(part.value));
        } else if (part instanceof vscode.LanguageModelToolCallPart) {
          toolCalls.push(part);
        }
      }
      if (stop.token.isCancellationRequested) break;
      if (toolCalls.length === 0) return { outcome: 'answered', limits, calls };
      messages.push(vscode.LanguageModelChatMessage.Assistant([...text, ...toolCalls]));
      const results: vscode.LanguageModelToolResultPart[] = [];
      for (const call of toolCalls) results.push(await callTool(call));
      messages.push(vscode.LanguageModelChatMessage.User(results));
      if (stop.token.isCancellationRequested) break;
    }
    if (!stop.token.isCancellationRequested) return { outcome: 'rounds', limits, calls };
  } catch (error) {
    if (!stop.token.isCancellationRequested) {
      logger.error('@providerdesk: the agent failed', error);
      return { outcome: 'failed', limits, calls, error: redact(describeError(error)) };
    }
  } finally {
    clearTimeout(timer);
    onCancel.dispose();
    stop.dispose();
  }
  return { outcome: timedOut ? 'timeout' : 'cancelled', limits, calls };
}
