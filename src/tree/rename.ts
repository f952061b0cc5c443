import * as vscode from 'vscode';
import { registerCommand, type CommandDeps } from '../common/registerCommand';
import { commandIds } from '../model/commandIds';
import { problemOfIssue } from '../model/problems';
import { problemText } from '../model/problemTexts';
import { comparisonKey, nameSchema } from '../model/schemas';
import type { ProviderStore } from '../store/providerStore';
import { CredentialNode } from './nodes/credentialNode';
import { ProviderNode } from './nodes/providerNode';
import { ScopeNode } from './nodes/scopeNode';
import type { TreeNode } from './treeNode';

interface RenameTarget {
  kind: 'provider' | 'credential' | 'scope';
  id: string;
  name: string;
  siblings: readonly { id: string; name: string }[];
}

export interface RenameDeps extends CommandDeps {
  readonly store: ProviderStore;
  readonly treeView: vscode.TreeView<TreeNode>;
}

/** F2 or "Rename" on a provider, scope or credential row; only the name changes, secrets are kept. */
export function registerRename({ context, logger, store, treeView }: RenameDeps): void {
  const targetOf = (node: unknown): RenameTarget | undefined => {
    if (node instanceof ProviderNode && node.provider) {
      const { id, name } = node.provider;
      return { kind: 'provider', id, name, siblings: store.providers() };
    }
    const scope = node instanceof ScopeNode ? store.scope(node.scopeId) : undefined;
    if (scope) return { kind: 'scope', id: scope.id, name: scope.name, siblings: store.scopes(scope.providerId) };
    const credential = node instanceof CredentialNode ? store.credential(node.credentialId) : undefined;
    if (credential) {
      return { kind: 'credential', id: credential.id, name: credential.name, siblings: store.credentials(credential.providerId) };
    }
    return undefined;
  };
  // Whole sentences per kind rather than a translated kind word in "{0}": other languages inflect it (gender, case).
  const renameTitle = { provider: (name: string) => vscode.l10n.t('Rename provider "{0}"', name),
    scope: (name: string) => vscode.l10n.t('Rename scope "{0}"', name),
    credential: (name: string) => vscode.l10n.t('Rename credential "{0}"', name) };
  const nameTaken = { provider: (name: string) => vscode.l10n.t('Another provider is already named "{0}".', name),
    scope: (name: string) => vscode.l10n.t('Another scope of this provider is already named "{0}".', name),
    credential: (name: string) => vscode.l10n.t('Another credential of this provider is already named "{0}".', name) };

  registerCommand(context, logger, commandIds.rename, async (node?: unknown) => {
    const target = targetOf(node ?? treeView.selection[0]);
    if (!target) return;
    const name = await vscode.window.showInputBox({
      title: renameTitle[target.kind](target.name),
      value: target.name,
      validateInput: (value) => {
        const parsed = nameSchema.safeParse(value);
        if (!parsed.success) return problemText(problemOfIssue(parsed.error.issues[0]));
        const taken = target.siblings.some((sibling) => sibling.id !== target.id && comparisonKey(sibling.name) === comparisonKey(parsed.data));
        return taken ? nameTaken[target.kind](parsed.data) : undefined;
      },
    });
    if (name === undefined || name.trim() === target.name) return;
    await store.rename(target.kind, target.id, name);
  });
}
