import * as vscode from 'vscode';
import type { Credential, Provider, Scope } from '../model/schemas';
import { UserFacingError } from './errors';

/** The reads the resolvers need; the provider store has them (common/ does not import store/). */
export interface TargetSource {
  provider(id: string): Provider | undefined;
  providers(): readonly Provider[];
  credential(id: string): Credential | undefined;
  credentials(providerId: string): readonly Credential[];
  scope(id: string): Scope | undefined;
  scopes(providerId: string): readonly Scope[];
}

/**
 * Commands take their target from a tree node, from an id (keybindings, other extensions, tests) or, from the
 * palette, through a quick pick. Each resolver throws CancellationError when the user dismisses the pick.
 */
type TargetArgument = unknown;

function idFrom(argument: TargetArgument, ...keys: string[]): string | undefined {
  if (typeof argument === 'string') return argument;
  if (argument && typeof argument === 'object') {
    for (const key of keys) {
      const value = (argument as Record<string, unknown>)[key];
      if (typeof value === 'string') return value;
    }
  }
  return undefined;
}

async function pick<T>(items: readonly T[], toItem: (value: T) => vscode.QuickPickItem, placeHolder: string, empty: string, alwaysPick = false): Promise<T> {
  if (items.length === 0) throw new UserFacingError(empty);
  if (items.length === 1 && !alwaysPick) return items[0]!;
  const picked = await vscode.window.showQuickPick(items.map((value) => ({ ...toItem(value), value })), { placeHolder, matchOnDescription: true });
  if (!picked) throw new vscode.CancellationError();
  return picked.value;
}

// Whole sentences per kind rather than a translated kind word in "{0}": other languages inflect it (gender, case).
const notFound = {
  provider: (id: string) => new UserFacingError(vscode.l10n.t('The provider {0} no longer exists. Refresh the Providers view.', id)),
  credential: (id: string) => new UserFacingError(vscode.l10n.t('The credential {0} no longer exists. Refresh the Providers view.', id)),
  scope: (id: string) => new UserFacingError(vscode.l10n.t('The scope {0} no longer exists. Refresh the Providers view.', id)),
};

export interface ProviderPickOptions {
  /** Show the pick even when there is only one provider: the choice decides where a token is sent. */
  readonly alwaysPick?: boolean;
  readonly placeHolder?: string;
}

export async function resolveProvider(store: TargetSource, argument: TargetArgument, options: ProviderPickOptions = {}): Promise<Provider> {
  const id = idFrom(argument, 'providerId', 'id');
  if (id) return store.provider(id) ?? Promise.reject(notFound.provider(id));
  return pick(store.providers(), (provider) => ({ label: provider.name, description: provider.accountId }),
    options.placeHolder ?? vscode.l10n.t('Select a provider'), vscode.l10n.t('There are no providers yet. Run "Provider Desk: Add Provider" first.'),
    options.alwaysPick);
}

export async function resolveCredential(store: TargetSource, argument: TargetArgument): Promise<Credential> {
  const id = idFrom(argument, 'credentialId');
  if (id) return store.credential(id) ?? Promise.reject(notFound.credential(id));
  const all = store.providers().flatMap((provider) => store.credentials(provider.id).map((credential) => ({ provider, credential })));
  const { credential } = await pick(all, ({ provider, credential }) => ({ label: credential.name, description: provider.name }),
    vscode.l10n.t('Select a credential'), vscode.l10n.t('There are no credentials yet. Add one under a provider\'s Credentials.'));
  return credential;
}

/** A button on each scope of the pick that does something else with that scope; the pick then resolves nothing. */
export interface ScopeItemButton {
  readonly button: vscode.QuickInputButton;
  run(scope: Scope): unknown;
}

/** The scope a command targets; from the palette a pick, with `preferredScopeId` (the active scope) preselected. */
export async function resolveScope(store: TargetSource, argument: TargetArgument, placeHolder = vscode.l10n.t('Select a scope'),
  preferredScopeId?: string, itemButton?: ScopeItemButton): Promise<Scope> {
  const id = idFrom(argument, 'scopeId');
  if (id) return store.scope(id) ?? Promise.reject(notFound.scope(id));
  return pickScope(store, placeHolder, preferredScopeId, itemButton);
}

/** Scopes grouped by provider, each showing the credential it uses. */
export async function pickScope(store: TargetSource, placeHolder: string, preferredScopeId?: string, itemButton?: ScopeItemButton): Promise<Scope> {
  const items: (vscode.QuickPickItem & { scope?: Scope })[] = [];
  for (const provider of store.providers()) {
    const scopes = store.scopes(provider.id);
    if (scopes.length === 0) continue;
    items.push({ label: provider.name, kind: vscode.QuickPickItemKind.Separator });
    for (const scope of scopes) {
      items.push({
        label: scope.name,
        description: provider.name,
        detail: vscode.l10n.t('credential {0} · {1}', store.credential(scope.credentialId)?.name ?? '?', provider.accountId),
        ...(itemButton ? { buttons: [itemButton.button] } : {}),
        scope,
      });
    }
  }
  if (items.length === 0) throw new UserFacingError(vscode.l10n.t('There are no scopes yet. Add one under a provider\'s Scopes.'));
  const preferred = items.find((item) => item.scope?.id === preferredScopeId);
  if (preferred) preferred.picked = true;
  const picked = await showPick(items, placeHolder, preferred, (item) => { if (item.scope) void itemButton?.run(item.scope); });
  if (!picked?.scope) throw new vscode.CancellationError();
  return picked.scope;
}

function showPick<T extends vscode.QuickPickItem>(items: T[], placeHolder: string, active: T | undefined, onItemButton: (item: T) => void): Promise<T | undefined> {
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<T>();
    quickPick.items = items;
    quickPick.placeholder = placeHolder;
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    if (active) quickPick.activeItems = [active];
    let accepted: T | undefined;
    quickPick.onDidAccept(() => { accepted = quickPick.selectedItems[0]; quickPick.hide(); });
    quickPick.onDidTriggerItemButton(({ item }) => { quickPick.hide(); onItemButton(item); });
    quickPick.onDidHide(() => { quickPick.dispose(); resolve(accepted); });
    quickPick.show();
  });
}
