import * as vscode from 'vscode';
import type { ProviderStore } from '../../store/providerStore';
import type { TreeNode } from '../treeNode';
import type { NodeCache } from '../nodeCache';
import type { ProviderNode } from './providerNode';

export type GroupKind = 'scopes' | 'credentials';

/** The "Scopes" and "Credentials" rows under a provider, like the two tabs of the provider page. */
export class GroupNode implements TreeNode {
  constructor(
    private readonly store: ProviderStore,
    private readonly cache: NodeCache,
    readonly parent: ProviderNode,
    readonly kind: GroupKind,
  ) {}

  get id(): string { return `${this.kind}:${this.parent.providerId}`; }

  get providerId(): string { return this.parent.providerId; }

  getTreeItem(): vscode.TreeItem {
    const count = this.kind === 'scopes' ? this.store.scopes(this.providerId).length : this.store.credentials(this.providerId).length;
    const label = this.kind === 'scopes' ? vscode.l10n.t('Scopes') : vscode.l10n.t('Credentials');
    const item = new vscode.TreeItem(label, count > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = String(count);
    item.iconPath = new vscode.ThemeIcon(this.kind === 'scopes' ? 'symbol-namespace' : 'key');
    item.contextValue = this.kind;
    if (count === 0) {
      item.tooltip = this.kind === 'scopes' ? vscode.l10n.t('No scopes yet: use + to add one') : vscode.l10n.t('No credentials yet: use + to add one');
    }
    return item;
  }

  getChildren(): TreeNode[] {
    return this.kind === 'scopes'
      ? this.store.scopes(this.providerId).map((scope) => this.cache.scope(this, scope.id))
      : this.store.credentials(this.providerId).map((credential) => this.cache.credential(this, credential.id));
  }
}
