import type { ProviderStore } from '../store/providerStore';
import { CredentialNode } from './nodes/credentialNode';
import { GroupNode, type GroupRows } from './nodes/groupNode';
import { ProviderNode, type GroupKind, type ProviderRows } from './nodes/providerNode';
import { ScopeNode } from './nodes/scopeNode';
import type { TreeNode } from './treeNode';

/**
 * One node instance per id for the view's lifetime: TreeView.reveal and partial refreshes match elements by
 * identity, so a refresh must hand back the same objects. The nodes ask it for their children through the narrow
 * ProviderRows and GroupRows, so they do not import it back.
 */
export class NodeCache implements ProviderRows, GroupRows {
  private readonly nodes = new Map<string, TreeNode>();

  constructor(private readonly store: ProviderStore) {}

  provider(providerId: string): ProviderNode {
    return this.remember(`provider:${providerId}`, () => new ProviderNode(this.store, this, providerId));
  }

  group(parent: ProviderNode, kind: GroupKind): GroupNode {
    return this.remember(`${kind}:${parent.providerId}`, () => new GroupNode(this.store, this, parent, kind));
  }

  scope(parent: GroupNode, scopeId: string): ScopeNode {
    return this.remember(`scope:${scopeId}`, () => new ScopeNode(this.store, parent, scopeId));
  }

  credential(parent: GroupNode, credentialId: string): CredentialNode {
    return this.remember(`credential:${credentialId}`, () => new CredentialNode(this.store, parent, credentialId));
  }

  /** Drops nodes whose objects are gone, so a deleted-then-recreated id never resurrects a stale parent link. */
  prune(): void {
    for (const [id, node] of this.nodes) {
      const [kind, objectId] = id.split(':', 2) as [string, string];
      const alive = kind === 'provider' || kind === 'scopes' || kind === 'credentials'
        ? this.store.provider(objectId) !== undefined
        : kind === 'scope' ? this.store.scope(objectId) !== undefined : this.store.credential(objectId) !== undefined;
      if (!alive) this.nodes.delete(node.id);
    }
  }

  private remember<T extends TreeNode>(id: string, create: () => T): T {
    let node = this.nodes.get(id) as T | undefined;
    if (!node) {
      node = create();
      this.nodes.set(id, node);
    }
    return node;
  }
}
