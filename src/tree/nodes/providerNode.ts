import * as vscode from 'vscode';
import { escapeMarkdownInline, markdownCodeSpan } from '../../model/markdown';
import type { ProviderStore } from '../../store/providerStore';
import type { Provider } from '../../model/schemas';
import type { TreeNode } from '../treeNode';

/** The two rows under a provider, like the two tabs of the provider page. */
export type GroupKind = 'scopes' | 'credentials';

/** Hands out a provider's group rows; the node cache, so a refresh gets the same objects back (see NodeCache). */
export interface ProviderRows {
  group(parent: ProviderNode, kind: GroupKind): TreeNode;
}

export class ProviderNode implements TreeNode {
  readonly parent = undefined;

  constructor(private readonly store: ProviderStore, private readonly rows: ProviderRows, readonly providerId: string) {}

  get id(): string { return `provider:${this.providerId}`; }

  get provider(): Provider | undefined { return this.store.provider(this.providerId); }

  getTreeItem(): vscode.TreeItem {
    const provider = this.provider;
    const item = new vscode.TreeItem(provider?.name ?? '', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = provider?.accountId;
    item.iconPath = new vscode.ThemeIcon('cloud');
    item.contextValue = 'provider';
    return item;
  }

  tooltip(): vscode.MarkdownString | undefined {
    const provider = this.provider;
    // Untrusted and without HTML (the MarkdownString defaults); the names are escaped.
    return provider && new vscode.MarkdownString(vscode.l10n.t('**{0}** · Type {1} · Account ID {2}',
      escapeMarkdownInline(provider.name), escapeMarkdownInline(provider.type), markdownCodeSpan(provider.accountId)));
  }

  getChildren(): TreeNode[] {
    return [this.rows.group(this, 'scopes'), this.rows.group(this, 'credentials')];
  }
}
