// The composition root: activate() builds the store, the view, the forms and the ticket runner once, and hands each
// feature folder exactly the dependencies its register…() function declares. Only this file and createApi.ts (the
// exported API, typed in api.ts) import the feature folders; no feature imports the src/ root back.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { ProviderDeskApi } from './api';
import { createApi } from './createApi';
import { HerokuConnections } from './connection';
import { Logger } from './common/logger';
import { Redactor } from './model/redact';
import { registerCredentialCommands } from './credentials/commands';
import { createForms } from './forms';
import { registerProviderCommands } from './providers/commands';
import { registerScopeCommands } from './scopes/commands';
import { serialUpdates } from './store/ports';
import { ProviderStore } from './store/providerStore';
import { prepareNameOrder } from './store/indexes';
import { registerProvidersView } from './tree/registerTree';
import { registerRename } from './tree/rename';
import { registerTicketCommands } from './tickets/commands';
import { TicketHistory } from './tickets/ticketHistory';
import { TicketRunner } from './tickets/ticketRunner';
import { registerWalkthroughContext } from './walkthrough/contextKeys';
import { registerHerokuImport } from './import/commands';
import { registerAgentTools } from './agents/herokuTools';
import { ActiveScope } from './activeScope/activeScope';
import { registerActiveScopeStatusBar } from './activeScope/statusBar';
import { registerChatParticipant } from './agents/chatParticipant';
import { registerCleanUpSecrets } from './maintenance/cleanUpSecrets';
import { registerLoadProblemReports } from './maintenance/loadProblems';
import { registerAskAboutScope } from './agents/askAboutScope';

// Between loading this file and calling activate(), VS Code prepares the extension's context (its globalState comes
// from the workbench, busy opening the view that activated us): 35-90 ms in the benchmark's windows, the host mostly
// idle (marks: this ran 8-17 ms after the file loaded, 38-77 ms before activate()). The collator the store's first load
// sorts with (~9 ms: ICU's collation data) is made then, neither while the file loads nor on the way to the first row.
setImmediate(prepareNameOrder);

export async function activate(context: vscode.ExtensionContext): Promise<ProviderDeskApi> {
  // Modules without a `vscode` import (Heroku client, ticket text, form strings) translate through `@vscode/l10n`:
  // hand it the bundle VS Code loaded for the display language (undefined for English: the source texts are used).
  l10n.config({ contents: vscode.l10n.bundle ?? {} });
  const logger = new Logger(new Redactor());
  // The store and the ticket history write globalState one update at a time (see serialUpdates).
  const globalState = serialUpdates(context.globalState);
  const store = new ProviderStore(globalState, context.secrets);
  context.subscriptions.push(logger, store);
  // Metadata only: globalState is already in memory, no secret is read and nothing touches the network.
  registerLoadProblemReports(context, logger, store, await store.load());

  const { tree, treeView, reveal } = registerProvidersView(context, logger, store);
  const forms = createForms({ context, logger, store, reveal });

  registerProviderCommands({ context, logger, store, forms, reveal });
  registerCredentialCommands({ context, logger, store, forms });
  registerScopeCommands({ context, logger, store, forms });
  registerRename({ context, logger, store, treeView });
  registerWalkthroughContext(context, store);
  registerCleanUpSecrets({ context, logger, store });

  const history = new TicketHistory(globalState);
  const channel = vscode.window.createOutputChannel('Provider Desk');
  const userAgent = `ProviderDesk/${context.extension.packageJSON.version as string} VSCode/${vscode.version}`;
  const connections = new HerokuConnections(store, logger, userAgent);
  const runner = new TicketRunner(store, history, logger, channel, connections);
  context.subscriptions.push(channel, runner);
  const activeScope = new ActiveScope(globalState, store);
  context.subscriptions.push(activeScope);
  registerTicketCommands({ context, logger, store, runner, connections, history, activeScope });
  registerActiveScopeStatusBar({ context, logger, store, activeScope,
    tickets: { lastFor: (scopeId) => history.lastFor(scopeId), onDidRecordTicket: runner.onDidRecordTicket } });
  registerHerokuImport({ context, logger, store, reveal, connections });
  registerAgentTools({ context, logger, store }, connections, activeScope);
  const chatParticipant = registerChatParticipant({ context, logger, store, activeScope }, runner, channel);
  registerAskAboutScope({ context, logger, store, activeScope });

  return createApi({ context, store, tree, runner, history, activeScope, chatParticipant });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
