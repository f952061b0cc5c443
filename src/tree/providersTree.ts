import * as vscode from 'vscode';
import type { ProviderStore } from '../store/providerStore';
import { NodeCache } from './nodeCache';
import type { TreeNode } from './treeNode';
import type { GroupKind, ProviderNode } from './nodes/providerNode';
import type { GroupNode } from './nodes/groupNode';

export const providersViewId = 'providerDesk.providers';

export class ProvidersTreeDataProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly nodes: NodeCache;

  constructor(private readonly store: ProviderStore) {
    this.nodes = new NodeCache(store);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem { return node.getTreeItem(); }

  /**
   * Tooltips on hover only: with a Markdown tooltip on every row, the workbench renders each one as plain text while
   * it draws the view (about 0.2 ms a row, measured), and the credential rows' tooltips look up their scopes.
   */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    item.tooltip = node.tooltip();
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? node.getChildren() : this.store.providers().map((provider) => this.nodes.provider(provider.id));
  }

  getParent(node: TreeNode): TreeNode | undefined { return node.parent; }

  /** A change inside one provider refreshes just that provider's rows; anything else refreshes the view. */
  refresh(providerId?: string): void {
    this.nodes.prune();
    this.changed.fire(providerId && this.store.provider(providerId) ? this.nodes.provider(providerId) : undefined);
  }

  providerNode(providerId: string): ProviderNode { return this.nodes.provider(providerId); }

  groupNode(providerId: string, kind: GroupKind): GroupNode {
    return this.nodes.group(this.nodes.provider(providerId), kind);
  }

  dispose(): void { this.changed.dispose(); }
}
