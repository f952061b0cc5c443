import * as vscode from 'vscode';
import type { ProviderStore } from '../../store/providerStore';
import type { TreeNode } from '../treeNode';
import type { GroupNode } from './groupNode';

export class CredentialNode implements TreeNode {
  constructor(private readonly store: ProviderStore, readonly parent: GroupNode, readonly credentialId: string) {}

  get id(): string { return `credential:${this.credentialId}`; }

  getTreeItem(): vscode.TreeItem {
    const credential = this.store.credential(this.credentialId);
    const fields = credential?.fields ?? [];
    const item = new vscode.TreeItem(credential?.name ?? '', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    // Keys only: values, sensitive or not, never reach the tree.
    item.description = fields.map((field) => (field.sensitive ? vscode.l10n.t('{0} (sensitive)', field.key) : field.key)).join(', ');
    item.iconPath = new vscode.ThemeIcon('key');
    item.contextValue = fields.some((field) => field.sensitive) ? 'credential+sensitive' : 'credential';
    return item;
  }

  tooltip(): string {
    const usedBy = this.store.scopesUsingCredential(this.credentialId).map((scope) => scope.name);
    return usedBy.length > 0 ? vscode.l10n.t('Used by scopes: {0}', usedBy.join(', ')) : vscode.l10n.t('Not used by any scope');
  }

  getChildren(): TreeNode[] { return []; }
}
