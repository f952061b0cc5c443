// The scripted language model (test/fixtures/scripted-model), which the harness loads next to Provider Desk: select it
// as the chat view would pass it in `request.model`, set what it answers and read back what it received.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { scriptedModelCommands, scriptedModelVendor, type RecordedRequest, type ScriptStep } from '../fixtures/scripted-model/script';

export type { RecordedRequest, ScriptStep };

/** The scripted model; its extension registers it on startup, so the first call waits for it. */
export async function scriptedModel(): Promise<vscode.LanguageModelChat> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [model] = await vscode.lm.selectChatModels({ vendor: scriptedModelVendor });
    if (model) return model;
    assert.ok(Date.now() < deadline, 'the scripted model was not registered within 20 s: is out/test/scripted-model loaded?');
    await new Promise<void>((resolve) => {
      const listener = vscode.lm.onDidChangeChatModels(() => { listener.dispose(); clearTimeout(timer); resolve(); });
      const timer = setTimeout(() => { listener.dispose(); resolve(); }, 500);
    });
  }
}

/** Replaces the model's script and forgets what it received so far. */
export async function setScript(steps: readonly ScriptStep[]): Promise<void> {
  await vscode.commands.executeCommand(scriptedModelCommands.setScript, steps);
}

/** Every request the model received since the last setScript. */
export async function modelRequests(): Promise<RecordedRequest[]> {
  return await vscode.commands.executeCommand<RecordedRequest[]>(scriptedModelCommands.requests);
}

/** The texts of the tool results in a request's last message, in order. */
export function toolResultsOf(request: RecordedRequest): string[] {
  return request.messages.at(-1)!.parts.flatMap((part) => (part.kind === 'toolResult' ? [part.content.join('')] : []));
}
