// The active scope (kept in globalState, shared by every window) and its status bar item. Imports model/, store/ and
// common/; what the status bar needs of tickets comes in as LastTickets, so tickets/ may import this folder.
import * as vscode from 'vscode';
import type { Scope } from '../model/schemas';
import type { KeyValueStore } from '../store/ports';
import type { ProviderStore } from '../store/providerStore';

const activeScopeKey = 'providerDesk.activeScope';

/**
 * The scope tickets run against unless the user picks another: the one chosen with "Select Active Scope", or the first
 * scope while none is chosen (or the chosen one was deleted). Kept in globalState so every window shares it.
 */
export class ActiveScope implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly storeListener: vscode.Disposable;

  constructor(private readonly state: KeyValueStore, private readonly store: ProviderStore) {
    this.storeListener = store.onDidChange(() => this.changed.fire());
  }

  get(): Scope | undefined {
    const chosen = this.state.get<string>(activeScopeKey);
    const scope = chosen === undefined ? undefined : this.store.scope(chosen);
    return scope ?? this.store.providers().flatMap((provider) => this.store.scopes(provider.id))[0];
  }

  async set(scope: Scope): Promise<void> {
    await this.state.update(activeScopeKey, scope.id);
    this.changed.fire();
  }

  dispose(): void {
    this.storeListener.dispose();
    this.changed.dispose();
  }
}
