import type * as vscode from 'vscode';
import type { CredentialInput, ProviderInput, ScopeInput } from './model/schemas';
import type { TicketResult } from './tickets/ticketRunner';

export type { TicketResult };

/** Field metadata as other extensions see it: keys and kinds, never values of sensitive fields. */
export interface CredentialSummary {
  readonly id: string;
  readonly name: string;
  readonly fields: readonly { key: string; type: string; sensitive: boolean }[];
}

export interface ScopeSummary {
  readonly id: string;
  readonly name: string;
  readonly credentialId: string;
}

export interface ProviderSummary {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly accountId: string;
  readonly credentials: readonly CredentialSummary[];
  readonly scopes: readonly ScopeSummary[];
}

/**
 * What `activate()` returns (`vscode.extensions.getExtension('providerdesk.provider-desk').exports`). Nothing in it
 * returns a secret: credentials are written through it, never read back.
 */
export interface ProviderDeskApi {
  readonly apiVersion: 1;
  /** Fires after any provider, credential or scope changes, in this window or another. */
  readonly onDidChange: vscode.Event<void>;
  listProviders(): ProviderSummary[];
  createProvider(input: ProviderInput): Promise<string>;
  createCredential(providerId: string, input: CredentialInput): Promise<string>;
  createScope(providerId: string, input: ScopeInput): Promise<string>;
  deleteProvider(providerId: string): Promise<void>;
  /** Refuses when scopes use the credential, unless `deleteScopes` is set. */
  deleteCredential(credentialId: string, options?: { deleteScopes?: boolean }): Promise<void>;
  deleteScope(scopeId: string): Promise<void>;
  /**
   * Lists the scope's Heroku apps into the "Provider Desk" output channel; a failed ticket resolves with its error.
   * Cancelling `cancellation` aborts the request in flight; the ticket then resolves with outcome `cancelled`.
   */
  runTicket(scopeId: string, cancellation?: vscode.CancellationToken): Promise<TicketResult>;
  readonly testHooks?: ProviderDeskTestHooks;
}

/** Extra handles for the extension's own integration tests; present only when VS Code runs it in test mode. */
export interface ProviderDeskTestHooks {
  readonly globalState: vscode.Memento;
  readonly secrets: vscode.SecretStorage;
  readonly store: import('./store/providerStore').ProviderStore;
  readonly tree: vscode.TreeDataProvider<import('./tree/treeNode').TreeNode>;
  /** The extension's log folder; the output channels' log files are under the extension host's log folder above it. */
  readonly logUri: vscode.Uri;
  /** The extension's storage folders, searched by the tests for anything that must not be written to disk. */
  readonly globalStorageUri: vscode.Uri;
  readonly storageUri: vscode.Uri | undefined;
  /** The ticket runner, so a test can dispose it (as deactivation does) while a ticket runs. */
  readonly runner: import('./tickets/ticketRunner').TicketRunner;
  readonly history: import('./tickets/ticketHistory').TicketHistory;
  readonly activeScope: import('./activeScope/activeScope').ActiveScope;
  /** `@providerdesk` as the host registered it: VS Code has no API to send it a message. */
  readonly chatParticipant: vscode.ChatParticipant;
}
