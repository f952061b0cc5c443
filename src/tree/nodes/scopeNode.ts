import * as vscode from 'vscode';
import type { Credential, Scope } from '../../model/schemas';
import type { ProviderStore } from '../../store/providerStore';
import type { TreeNode } from '../treeNode';
import type { GroupNode } from './groupNode';

export class ScopeNode implements TreeNode {
  constructor(private readonly store: ProviderStore, readonly parent: GroupNode, readonly scopeId: string) {}

  get id(): string { return `scope:${this.scopeId}`; }

  /** The scope and the credential it uses, as stored now. */
  private lookUp(): { scope: Scope | undefined; credential: Credential | undefined } {
    const scope = this.store.scope(this.scopeId);
    return { scope, credential: scope && this.store.credential(scope.credentialId) };
  }

  getTreeItem(): vscode.TreeItem {
    const { scope, credential } = this.lookUp();
    const item = new vscode.TreeItem(scope?.name ?? '', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = credential && vscode.l10n.t('uses {0}', credential.name);
    item.iconPath = new vscode.ThemeIcon('symbol-namespace');
    item.contextValue = 'scope';
    return item;
  }

  tooltip(): string {
    const { scope, credential } = this.lookUp();
    return vscode.l10n.t('Scope {0}: calls the provider with credential {1}', scope?.name ?? '', credential?.name ?? '');
  }

  getChildren(): TreeNode[] { return []; }
}
