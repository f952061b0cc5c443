import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ProviderDeskApi, ProviderDeskTestHooks } from '../../src/api';
import type { FakeHeroku } from '../../scripts/demoHeroku';

export const extensionId = 'providerdesk.provider-desk';

export async function activateApi(): Promise<ProviderDeskApi & { testHooks: ProviderDeskTestHooks }> {
  const extension = vscode.extensions.getExtension<ProviderDeskApi>(extensionId);
  assert.ok(extension, `${extensionId} is not installed`);
  const api = await extension.activate();
  assert.ok(api.testHooks, 'test hooks are missing: the extension host is not in test mode');
  return api as ProviderDeskApi & { testHooks: ProviderDeskTestHooks };
}

/** Removes everything the previous test created, through the public API. */
export async function deleteAllProviders(api: ProviderDeskApi): Promise<void> {
  for (const provider of api.listProviders()) await api.deleteProvider(provider.id);
}

export function unique(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The seed's objects through the API: provider "Heroku" on the fake, credential heroku-token, then these scopes. */
export async function createHerokuScopes(api: ProviderDeskApi, accountId: string, token: string, scopeNames: readonly string[]): Promise<string[]> {
  const providerId = await api.createProvider({ name: 'Heroku', type: 'Other', accountId });
  const credentialId = await api.createCredential(providerId, { name: 'heroku-token', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: token }] });
  const scopeIds: string[] = [];
  for (const name of scopeNames) scopeIds.push(await api.createScope(providerId, { name, credentialId }));
  return scopeIds;
}

/** A clean start on `heroku`: no providers, no faults, then the seed's provider with these scopes. */
export async function freshHerokuScopes(heroku: FakeHeroku, scopeNames: readonly string[]): Promise<{ hooks: ProviderDeskTestHooks; scopeIds: string[] }> {
  const api = await activateApi();
  await deleteAllProviders(api);
  heroku.clearFaults();
  return { hooks: api.testHooks, scopeIds: await createHerokuScopes(api, heroku.url, heroku.token, scopeNames) };
}
