import * as vscode from 'vscode';
import type { ProviderDeskApi, ProviderSummary } from './api';
import type { ActiveScope } from './activeScope/activeScope';
import type { ProviderStore } from './store/providerStore';
import type { TicketHistory } from './tickets/ticketHistory';
import type { TicketRunner } from './tickets/ticketRunner';
import type { TreeNode } from './tree/treeNode';
import { resolveScope } from './common/targets';

export interface ApiDeps {
  readonly context: vscode.ExtensionContext;
  readonly store: ProviderStore;
  readonly tree: vscode.TreeDataProvider<TreeNode>;
  readonly runner: TicketRunner;
  readonly history: TicketHistory;
  readonly activeScope: ActiveScope;
  /** `@providerdesk`, for the integration tests. */
  readonly chatParticipant: vscode.ChatParticipant;
}

export function createApi({ context, store, tree, runner, history, activeScope, chatParticipant }: ApiDeps): ProviderDeskApi {
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(changed, store.onDidChange(() => changed.fire()));

  return {
    apiVersion: 1,
    onDidChange: changed.event,
    listProviders: (): ProviderSummary[] => store.providers().map((provider) => ({
      id: provider.id,
      name: provider.name,
      type: provider.type,
      accountId: provider.accountId,
      credentials: store.credentials(provider.id).map((credential) => ({
        id: credential.id,
        name: credential.name,
        fields: credential.fields.map(({ key, type, sensitive }) => ({ key, type, sensitive })),
      })),
      scopes: store.scopes(provider.id).map(({ id, name, credentialId }) => ({ id, name, credentialId })),
    })),
    createProvider: async (input) => (await store.createProvider(input)).id,
    createCredential: async (providerId, input) => (await store.createCredential(providerId, input)).id,
    createScope: async (providerId, input) => (await store.createScope(providerId, input)).id,
    deleteProvider: (providerId) => store.deleteProvider(providerId),
    deleteCredential: (credentialId, options) => store.deleteCredential(credentialId, options),
    deleteScope: (scopeId) => store.deleteScope(scopeId),
    runTicket: async (scopeId, cancellation) => runner.listApps(await resolveScope(store, scopeId), cancellation),
    testHooks: context.extensionMode === vscode.ExtensionMode.Test
      ? { globalState: context.globalState, secrets: context.secrets, store, tree, runner, history, activeScope,
        logUri: context.logUri, globalStorageUri: context.globalStorageUri, storageUri: context.storageUri, chatParticipant }
      : undefined,
  };
}
