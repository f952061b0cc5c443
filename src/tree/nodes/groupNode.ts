import * as vscode from 'vscode';
import type { ProviderStore } from '../../store/providerStore';
import type { TreeNode } from '../treeNode';
import type { GroupKind, ProviderNode } from './providerNode';

/** Hands out the scope and credential rows of a group; the node cache, so a refresh gets the same objects back. */
export interface GroupRows {
  scope(parent: GroupNode, scopeId: string): TreeNode;
  credential(parent: GroupNode, credentialId: string): TreeNode;
}

/** The "Scopes" and "Credentials" rows under a provider, like the two tabs of the provider page. */
export class GroupNode implements TreeNode {
  constructor(
    private readonly store: ProviderStore,
    private readonly rows: GroupRows,
    readonly parent: ProviderNode,
    readonly kind: GroupKind,
  ) {}

  get id(): string { return `${this.kind}:${this.parent.providerId}`; }

  get providerId(): string { return this.parent.providerId; }

  private get count(): number {
    return this.kind === 'scopes' ? this.store.scopes(this.providerId).length : this.store.credentials(this.providerId).length;
  }

  getTreeItem(): vscode.TreeItem {
    const count = this.count;
    const label = this.kind === 'scopes' ? vscode.l10n.t('Scopes') : vscode.l10n.t('Credentials');
    const item = new vscode.TreeItem(label, count > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = String(count);
    item.iconPath = new vscode.ThemeIcon(this.kind === 'scopes' ? 'symbol-namespace' : 'key');
    item.contextValue = this.kind;
    return item;
  }

  tooltip(): string | undefined {
    if (this.count > 0) return undefined;
    return this.kind === 'scopes' ? vscode.l10n.t('No scopes yet: use + to add one') : vscode.l10n.t('No credentials yet: use + to add one');
  }

  getChildren(): TreeNode[] {
    return this.kind === 'scopes'
      ? this.store.scopes(this.providerId).map((scope) => this.rows.scope(this, scope.id))
      : this.store.credentials(this.providerId).map((credential) => this.rows.credential(this, credential.id));
  }
}
