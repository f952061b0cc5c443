import * as vscode from 'vscode';
import { confirmModal } from '../common/confirm';
import { UserFacingError } from '../common/errors';
import type { Services } from '../services';
import type { FormDefinition } from './controller';
import { credentialForm, providerForm, scopeForm, type DefinitionDeps } from './definitions';
import type { Forms } from './forms';
import { FormPanel } from './panel';

export type { Forms } from './forms';

/**
 * The webview forms: Add/Edit Provider, Credential and Scope. One panel per form target; opening it again focuses
 * the open one. Panels follow store changes (new sibling names, new credentials for the scope form, renamed
 * provider in the title) and close when their object is deleted.
 */
export function createForms(services: Omit<Services, 'forms'>): Forms {
  const deps: DefinitionDeps = { store: services.store, confirm: confirmModal };
  const panels = new Map<string, FormPanel>();

  const open = async (definition: FormDefinition): Promise<void> => {
    const existing = panels.get(definition.key);
    if (existing) {
      existing.reveal();
      return;
    }
    if (!definition.exists()) {
      throw new UserFacingError(vscode.l10n.t('That item no longer exists. Refresh the Providers view.'));
    }
    const panel = new FormPanel(services, definition);
    panels.set(definition.key, panel);
    panel.onDidDispose(() => {
      if (panels.get(definition.key) === panel) panels.delete(definition.key);
    });
  };

  services.context.subscriptions.push(
    services.store.onDidChange(() => {
      for (const panel of [...panels.values()]) {
        panel.refresh().catch((error: unknown) => services.logger.error('form refresh failed', error));
      }
    }),
    { dispose: () => { for (const panel of [...panels.values()]) panel.dispose(); } },
  );

  return {
    provider: (providerId?: string) => open(providerForm(deps, providerId)),
    credential: (providerId: string, credentialId?: string) => open(credentialForm(deps, providerId, credentialId)),
    scope: (providerId: string, scopeId?: string) => open(scopeForm(deps, providerId, scopeId)),
  };
}
