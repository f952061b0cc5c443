// The read-only language model tools (`#herokuApps`, `#herokuAppInfo`, … in chat; contributed in package.json under
// `languageModelTools`, all tagged `providerDesk`). Each Heroku tool says what it reads and how its answer looks;
// herokuTool.ts does the rest. `#providerDeskScopes` sends nothing anywhere, so it asks nothing.
import * as vscode from 'vscode';
import type { z } from 'zod';
import type { ActiveScope } from '../activeScope/activeScope';
import type { HerokuConnections } from '../connection';
import { compareDynoNames } from '../tickets/render';
import { registerHerokuTool, jsonResult, parseToolInput, type HerokuToolSpec, type ScopeInput } from './herokuTool';
import { lazySchema } from '../model/lazySchema';
import { allScopes, scopeTarget, type AgentDeps } from './scopes';
import { boldName } from '../model/markdown';

export const agentToolNames = {
  apps: 'providerDesk_listHerokuApps',
  appInfo: 'providerDesk_getHerokuAppInfo',
  dynos: 'providerDesk_listHerokuDynos',
  releases: 'providerDesk_listHerokuReleases',
  addons: 'providerDesk_listHerokuAddons',
  configVarNames: 'providerDesk_listHerokuConfigVarNames',
  account: 'providerDesk_getHerokuAccount',
  scopes: 'providerDesk_listScopes',
} as const;

/** The default and largest number of releases #herokuReleases reads. */
export const releaseLimits = { default: 10, max: 100 } as const;

// Built on first use, as every schema (model/lazySchema.ts): registering the tools at activation needs no zod.
const scopeInput = lazySchema((z) => z.object({
  scope: z.string({ error: 'the name of a Provider Desk scope is required' }).trim().min(1, 'the scope name is empty'),
}));
const appInput = lazySchema((z) => scopeInput.extend({
  app: z.string({ error: 'the name of a Heroku app is required' }).trim().min(1, 'the app name is empty').max(100, 'an app name has at most 100 characters'),
}));
const noInput = lazySchema((z) => z.object({}));
const releasesInput = lazySchema((z) => appInput.extend({
  limit: z.number().int().min(1).max(releaseLimits.max).optional(),
}));
const scopeShape = '{ "scope": "<scope name>" }';
const appShape = '{ "scope": "<scope name>", "app": "<app name>" }';

type AppInput = z.infer<typeof appInput>;

/** A tool about the scope's account as a whole: it takes `{ scope }`. */
function scopeTool(name: string, texts: Pick<HerokuToolSpec<ScopeInput>, 'progress' | 'action'>, read: HerokuToolSpec<ScopeInput>['read']): HerokuToolSpec<ScopeInput> {
  return { name, input: scopeInput, inputShape: scopeShape, ...texts, read };
}

const appsTool = scopeTool(agentToolNames.apps, {
  progress: (input) => vscode.l10n.t('Listing the Heroku apps of scope "{0}"', input.scope),
  action: () => vscode.l10n.t('List the Heroku apps.'),
}, async (connection, _input, signal) => {
  const apps = await connection.listApps({ signal });
  return { facts: { count: apps.length }, list: { key: 'apps', items: apps.map(({ name, region, stack, updatedAt }) => ({ name, region, stack, updatedAt })) } };
});

/** A tool about one app: it takes `{ scope, app }`. */
function appTool(name: string, texts: Pick<HerokuToolSpec<AppInput>, 'progress' | 'action'>, read: HerokuToolSpec<AppInput>['read']): HerokuToolSpec<AppInput> {
  return { name, input: appInput, inputShape: appShape, ...texts, read };
}

const appInfoTool = appTool(agentToolNames.appInfo, {
  progress: (input) => vscode.l10n.t('Reading app "{0}" (scope "{1}")', input.app, input.scope),
  action: (input) => vscode.l10n.t('Read the owner, region, stack, web URL and dyno formation of app {0}.', boldName(input.app)),
}, async (connection, input, signal) => {
  const [app, formation] = await Promise.all([connection.getApp(input.app, { signal }), connection.listFormation(input.app, { signal })]);
  const { id: _id, ...info } = app;
  return { facts: { app: info }, list: { key: 'formation', items: formation.map(({ type, quantity, size, command }) => ({ type, quantity, size, command })) } };
});

const dynosTool = appTool(agentToolNames.dynos, {
  progress: (input) => vscode.l10n.t('Listing the dynos of app "{0}" (scope "{1}")', input.app, input.scope),
  action: (input) => vscode.l10n.t('List the dynos of app {0}.', boldName(input.app)),
}, async (connection, input, signal) => {
  const dynos = (await connection.listDynos(input.app, { signal })).sort(compareDynoNames);
  const items = dynos.map(({ name, state, size, type, command, updatedAt, releaseVersion }) => ({ name, state, size, type, command, updatedAt, releaseVersion }));
  return { facts: { app: input.app, count: dynos.length }, list: { key: 'dynos', items } };
});

const releasesTool: HerokuToolSpec<z.infer<typeof releasesInput>> = {
  name: agentToolNames.releases,
  input: releasesInput,
  inputShape: '{ "scope": "<scope name>", "app": "<app name>", "limit": 1–100 (optional) }',
  progress: (input) => vscode.l10n.t('Reading the releases of app "{0}" (scope "{1}")', input.app, input.scope),
  action: (input) => vscode.l10n.t('Read the last {0} releases of app {1}.', input.limit ?? releaseLimits.default, boldName(input.app)),
  read: async (connection, input, signal) => {
    const releases = await connection.listReleases(input.app, { limit: input.limit ?? releaseLimits.default, signal });
    const items = releases.map(({ version, description, userEmail, status, createdAt, current }) => ({ version, description, user: userEmail, status, createdAt, current }));
    return { facts: { app: input.app, newestFirst: true }, list: { key: 'releases', items } };
  },
};

const addonsTool = appTool(agentToolNames.addons, {
  progress: (input) => vscode.l10n.t('Listing the add-ons of app "{0}" (scope "{1}")', input.app, input.scope),
  action: (input) => vscode.l10n.t('List the add-ons of app {0} with their plans and prices.', boldName(input.app)),
}, async (connection, input, signal) => {
  const addons = await connection.listAddons(input.app, { signal });
  const monthlyCents = addons.reduce((sum, addon) => sum + (addon.priceUnit === 'month' ? addon.priceCents ?? 0 : 0), 0);
  const items = addons.map(({ name, service, plan, state, priceCents, priceUnit }) => ({ name, service, plan, state, priceCents, priceUnit }));
  return { facts: { app: input.app, count: addons.length, totalMonthlyPriceCents: monthlyCents }, list: { key: 'addons', items } };
});

const configVarNamesTool = appTool(agentToolNames.configVarNames, {
  progress: (input) => vscode.l10n.t('Reading the config var names of app "{0}" (scope "{1}")', input.app, input.scope),
  action: (input) => vscode.l10n.t('Read the names of the config vars of app {0}; their values are never read out.', boldName(input.app)),
}, async (connection, input, signal) => {
  const names = await connection.getConfigVarNames(input.app, { signal });
  return { facts: { app: input.app, count: names.length, valuesShown: false }, list: { key: 'names', items: names } };
});

const accountTool = scopeTool(agentToolNames.account, {
  progress: (input) => vscode.l10n.t('Reading the Heroku account of scope "{0}"', input.scope),
  action: () => vscode.l10n.t('Read the Heroku account: email, name, two-factor authentication, last login.'),
}, async (connection, _input, signal) => {
  const { id: _id, ...account } = await connection.getAccount({ signal });
  return { facts: { account } };
});

const herokuToolSpecs = [appsTool, appInfoTool, dynosTool, releasesTool, addonsTool, configVarNamesTool, accountTool] as HerokuToolSpec<ScopeInput>[];

/** What a Heroku tool says while it runs, for `@providerdesk`'s progress; undefined for another tool or bad input. */
export function herokuToolProgress(name: string, input: unknown): string | undefined {
  const spec = herokuToolSpecs.find((candidate) => candidate.name === name);
  const parsed = spec?.input.safeParse(input);
  return parsed?.success ? spec!.progress(parsed.data) : undefined;
}

/** Registers every tool; the scope list marks the active scope, which `@providerdesk` falls back to. */
export function registerAgentTools(services: AgentDeps, connections: HerokuConnections, activeScope: Pick<ActiveScope, 'get'>): void {
  for (const spec of herokuToolSpecs) registerHerokuTool(services, connections, spec);
  const scopesTool: vscode.LanguageModelTool<Record<string, never>> = {
    prepareInvocation: () => ({ invocationMessage: vscode.l10n.t('Listing the Provider Desk scopes') }),
    invoke: (options) => {
      parseToolInput(agentToolNames.scopes, noInput, '{}', options.input ?? {});
      const active = activeScope.get();
      const scopes = allScopes(services.store).map((scope) => {
        const target = scopeTarget(services.store, scope);
        return { name: scope.name, provider: target?.providerName ?? '', host: target?.host ?? '', active: scope.id === active?.id };
      });
      return jsonResult(services, { facts: { count: scopes.length, activeScope: active?.name ?? null }, list: { key: 'scopes', items: scopes } }, options);
    },
  };
  services.context.subscriptions.push(vscode.lm.registerTool(agentToolNames.scopes, scopesTool));
}
