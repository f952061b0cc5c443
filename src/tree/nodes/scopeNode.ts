import * as vscode from 'vscode';
import type { ProviderStore } from '../../store/providerStore';
import type { TreeNode } from '../treeNode';
import type { GroupNode } from './groupNode';

export class ScopeNode implements TreeNode {
  constructor(private readonly store: ProviderStore, readonly parent: GroupNode, readonly scopeId: string) {}

  get id(): string { return `scope:${this.scopeId}`; }

  getTreeItem(): vscode.TreeItem {
    const scope = this.store.scope(this.scopeId);
    const credential = scope && this.store.credential(scope.credentialId);
    const item = new vscode.TreeItem(scope?.name ?? '', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = credential && vscode.l10n.t('uses {0}', credential.name);
    item.iconPath = new vscode.ThemeIcon('symbol-namespace');
    item.contextValue = 'scope';
    return item;
  }

  tooltip(): string {
    const scope = this.store.scope(this.scopeId);
    const credential = scope && this.store.credential(scope.credentialId);
    return vscode.l10n.t('Scope {0}: calls the provider with credential {1}', scope?.name ?? '', credential?.name ?? '');
  }

  getChildren(): TreeNode[] { return []; }
}
