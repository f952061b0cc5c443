// Runs inside code-server's real extension host as the extensionTestsPath (bundled by bench/lib/build.ts; `vscode`
// comes from the host). One task per extension host, chosen by BENCH_TASK (JSON):
//  - cold:    once the workbench is quiet, activate Provider Desk in this fresh host and time it (our own clock around
//             `extension.activate()`), time the first render of the Providers tree (getChildren + getTreeItem) with
//             what the store holds, then read VS Code's own activation times from its "Startup Performance" document;
//             optionally seed the store.
//  - scale:   seed 1,000 providers × 10 scopes and time complete getChildren walks of the tree.
//  - profile: activate under the V8 profiler (inspector) and save the .cpuprofile.
//  - open:    nothing activated: the benchmark clicks a view icon (Provider Desk's or the trivial extension's), then
//             asks (formFile + '.go') for that extension's form, which this script opens, noting when.
// Results go to the task's resultFile; the host's run ends when run() resolves.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ProviderDeskApi, ProviderDeskTestHooks } from '../../src/api';
import type { Credential, Provider, Scope } from '../../src/model/schemas';
import { dataKey } from '../../src/store/keys';
import { encodeStoredData } from '../../src/store/storedData';
import { ProvidersTreeDataProvider } from '../../src/tree/providersTree';
import type { TreeNode } from '../../src/tree/treeNode';
import { contextWaitMs, extensionHostMarks, type HostMark } from './hostMarks';
import { startProfiler, stopProfiler } from './profiler';

export const extensionId = 'providerdesk.provider-desk';

export type ExthostTask =
  | { kind: 'cold'; resultFile: string; seed?: { providers: number; scopesPerProvider: number }; continueFile?: string; settleMs: number }
  | { kind: 'scale'; resultFile: string; providers: number; scopesPerProvider: number; warmups: number; repeats: number; profileFile?: string }
  | { kind: 'profile'; resultFile: string; profileFile: string; settleMs: number }
  | { kind: 'open'; resultFile: string; continueFile: string; formFile: string; formCommand: string; settleMs: number };

export interface OpenResult {
  kind: 'open';
  /** Provider Desk was active before the click (it must not be). */
  wasActive: boolean;
}

/**
 * Written to the open task's formFile: when the form command was run (epoch ms, sub-millisecond), and the extension
 * host's own marks so far (`code/extHost/willLoadExtensionCode/<extension id>` and the like).
 */
export interface FormStart {
  commandAt: number;
  hostMarks: HostMark[];
}

/** VS Code's own figures for one activation (ExtensionService activation times). */
export interface VsCodeActivationTimes {
  codeLoadingMs: number;
  activateCallMs: number;
  activateResolvedMs: number;
  event: string;
}

export interface ColdResult {
  kind: 'cold';
  wasActive: boolean;
  activateMs: number;
  /** The last round trip from the extension host to the workbench (getCommands) before activating: how busy it was. */
  workbenchRoundTripMs: number;
  /** From this script's start until the workbench answered quickly three times in a row. */
  settledAfterMs: number;
  vscode: VsCodeActivationTimes | undefined;
  providers: number;
  nodes: number;
  /** getChildren(root) + getTreeItem for every provider row: what the view needs to show its first rows. */
  firstRenderMs: number;
  /** Right after that, the first getChildren walk over every node (the code and the node cache still cold). */
  firstWalkMs: number;
  /** Then every node expanded: getChildren + getTreeItem for all of them. */
  fullRenderMs: number;
  seeded: boolean;
  /** Provider Desk's globalState when it activated: every key, as JSON (VS Code sends all of it before activate()). */
  stateBytes: number;
  /** Code loaded → activate() called, VS Code's marks: the wait for that globalState. */
  stateWaitMs: number | undefined;
  /** The start of VS Code's Startup Performance document when its activation row could not be read. */
  perfExcerpt?: string;
}

export interface ScaleResult {
  kind: 'scale';
  providers: number;
  scopes: number;
  credentials: number;
  nodes: number;
  seedMs: number;
  reloadMs: number;
  /** The extension's own tree, first walk (empty node cache). */
  extensionTreeFirstWalkMs: number;
  /** getChildren over every node, a fresh tree (empty node cache) each time. */
  coldWalkMs: number[];
  /** getChildren over every node, the same tree again (cached nodes). */
  warmWalkMs: number[];
  /** getChildren + getTreeItem for every node, a fresh tree each time. */
  coldWalkWithItemsMs: number[];
}

export interface ProfileResult {
  kind: 'profile';
  wasActive: boolean;
  activateMs: number;
}

type Hooked = ProviderDeskApi & { testHooks: ProviderDeskTestHooks };

/** Written whole (temporary file, then rename): the benchmark polls for the result file. */
function writeResult(file: string, result: unknown): void {
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(result));
  fs.renameSync(`${file}.tmp`, file);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, stepMs = 25): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined || Date.now() > deadline) return value;
    await delay(stepMs);
  }
}

const perfUri = vscode.Uri.from({ scheme: 'perf', path: 'Startup Performance' });

let perfError = '';

/**
 * VS Code's "Developer: Startup Performance" document (its `perf:` content provider lives in the workbench): resolves
 * once the workbench reached its last startup phase ("Eventually") and filled it in.
 */
async function openPerfDocument(timeoutMs: number): Promise<vscode.TextDocument | undefined> {
  let document: vscode.TextDocument | undefined;
  try {
    document = await vscode.workspace.openTextDocument(perfUri);
  } catch (error) {
    perfError = `openTextDocument: ${error instanceof Error ? error.message : String(error)}`;
    // Opening it in an editor goes through the workbench's own resolver.
    try {
      await vscode.commands.executeCommand('perfview.show');
      document = await waitFor(() => vscode.workspace.textDocuments.find((doc) => doc.uri.scheme === 'perf'), 10_000);
      if (!document) perfError += '; perfview.show opened no perf: document the host can see';
    } catch (second) {
      perfError += `; perfview.show: ${second instanceof Error ? second.message : String(second)}`;
    }
  }
  if (!document) return undefined;
  const doc = document;
  await waitFor(() => (doc.getText().startsWith('Loading') ? undefined : true), timeoutMs);
  return doc;
}

function parseActivationRow(text: string): VsCodeActivationTimes | undefined {
  const line = text.split('\n').find((row) => row.includes(`| ${extensionId} `) || row.startsWith(`${extensionId} `) || row.includes(`|${extensionId}|`));
  if (!line) return undefined;
  const cells = line.split('|').map((cell) => cell.trim()).filter((cell, index, all) => !(cell === '' && (index === 0 || index === all.length - 1)));
  // Extension | Eager | Load Code | Call Activate | Finish Activate | Event | By
  const [, , load, call, resolved, event] = cells;
  const numbers = [load, call, resolved].map(Number);
  if (numbers.some((n) => !Number.isFinite(n))) return undefined;
  return { codeLoadingMs: numbers[0], activateCallMs: numbers[1], activateResolvedMs: numbers[2], event: event ?? '' };
}

interface Walk {
  nodes: number;
}

function walk(tree: vscode.TreeDataProvider<TreeNode>, withItems: boolean): Walk {
  let nodes = 0;
  const visit = (parent: TreeNode | undefined): void => {
    const children = tree.getChildren(parent) as TreeNode[];
    for (const child of children) {
      nodes++;
      if (withItems) tree.getTreeItem(child);
      visit(child);
    }
  };
  visit(undefined);
  return { nodes };
}

function seedData(providers: number, scopesPerProvider: number): { providers: Provider[]; credentials: Credential[]; scopes: Scope[] } {
  const createdAt = new Date().toISOString();
  const data = { providers: [] as Provider[], credentials: [] as Credential[], scopes: [] as Scope[] };
  for (let p = 0; p < providers; p++) {
    const providerId = randomUUID();
    const credentialId = randomUUID();
    data.providers.push({ id: providerId, name: `Provider ${String(p + 1).padStart(4, '0')}`, type: 'Heroku', accountId: 'api.heroku.com', createdAt });
    data.credentials.push({ id: credentialId, providerId, name: 'Deploy token', boundAccountId: 'api.heroku.com', fields: [{ id: randomUUID(), key: 'region', type: 'String', sensitive: false, value: 'us' }] });
    for (let s = 0; s < scopesPerProvider; s++) {
      data.scopes.push({ id: randomUUID(), providerId, name: `Scope ${String(s + 1).padStart(2, '0')}`, credentialId });
    }
  }
  return data;
}

/**
 * Replaces the store's data in one globalState write (creating 10,000 scopes one by one would take minutes). The store
 * joins a document written elsewhere with what it holds, so what it holds is marked deleted in that document.
 */
async function seed(api: Hooked, providers: number, scopesPerProvider: number): Promise<{ seedMs: number; reloadMs: number }> {
  const t0 = performance.now();
  const data = seedData(providers, scopesPerProvider);
  const held = api.testHooks.store;
  const revision = `${Date.now().toString(36)}-${randomUUID()}`;
  const tombstones = Object.fromEntries(held.providers()
    .flatMap((provider) => [provider.id, ...held.credentials(provider.id).map((item) => item.id), ...held.scopes(provider.id).map((item) => item.id)])
    .map((id) => [id, revision]));
  await api.testHooks.globalState.update(dataKey, encodeStoredData({ ...data, secretIndex: [], tombstones }, revision));
  const t1 = performance.now();
  await api.testHooks.store.reload();
  const t2 = performance.now();
  const store = api.testHooks.store;
  const scopes = store.providers().reduce((sum, provider) => sum + store.scopes(provider.id).length, 0);
  if (store.providers().length !== providers || scopes !== providers * scopesPerProvider) {
    throw new Error(`seeding failed: the store holds ${store.providers().length} providers and ${scopes} scopes after reload`);
  }
  return { seedMs: t1 - t0, reloadMs: t2 - t1 };
}

async function activate(): Promise<{ api: Hooked; wasActive: boolean; activateMs: number }> {
  const extension = vscode.extensions.getExtension<ProviderDeskApi>(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded`);
  const wasActive = extension.isActive;
  const t0 = performance.now();
  const api = await extension.activate();
  const activateMs = performance.now() - t0;
  if (!api.testHooks) throw new Error('test hooks are missing: the extension host is not in test mode');
  return { api: api as Hooked, wasActive, activateMs };
}

async function roundTrip(): Promise<number> {
  const t0 = performance.now();
  await vscode.commands.getCommands(true);
  return performance.now() - t0;
}

/**
 * Waits until the workbench and this host are quiet: three round trips in a row under `quietMs`, 100 ms apart (at
 * most `timeoutMs`). Startup work of VS Code and of built-in extensions must not be measured as Provider Desk's.
 */
async function settle(quietMs: number, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let quiet = 0;
  let last = Infinity;
  while (quiet < 3 && performance.now() < deadline) {
    await delay(100);
    last = await roundTrip();
    quiet = last < quietMs ? quiet + 1 : 0;
  }
  return last;
}

/** VS Code's own activation times, read after the measurement (opening the perf document activates Markdown). */
async function vscodeActivationTimes(): Promise<{ times: VsCodeActivationTimes | undefined; excerpt: string }> {
  const perf = await openPerfDocument(15_000);
  const times = perf ? await waitFor(() => parseActivationRow(perf.getText()), 10_000) : undefined;
  const excerpt = times ? '' : perf ? perf.getText().slice(0, 3000) : `the perf: document could not be opened: ${perfError}`;
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  return { times, excerpt };
}

async function cold(task: Extract<ExthostTask, { kind: 'cold' }>): Promise<void> {
  const started = performance.now();
  const workbenchRoundTripMs = await settle(40, 20_000);
  const settledAfterMs = performance.now() - started;
  await delay(task.settleMs);
  const { api, wasActive, activateMs } = await activate();

  const tree = api.testHooks.tree;
  const t0 = performance.now();
  const roots = tree.getChildren(undefined) as TreeNode[];
  for (const node of roots) tree.getTreeItem(node);
  const t1 = performance.now();
  walk(tree, false);
  const t2 = performance.now();
  const full = walk(tree, true);
  const t3 = performance.now();

  const { times, excerpt } = await vscodeActivationTimes();
  const state = api.testHooks.globalState;
  const stateBytes = Buffer.byteLength(JSON.stringify(Object.fromEntries(state.keys().map((key) => [key, state.get(key)]))));
  let seeded = false;
  if (task.seed && api.testHooks.store.providers().length !== task.seed.providers) {
    await seed(api, task.seed.providers, task.seed.scopesPerProvider);
    seeded = true;
  }
  const result: ColdResult = {
    kind: 'cold', wasActive, activateMs, workbenchRoundTripMs, settledAfterMs, vscode: times, providers: roots.length, nodes: full.nodes,
    firstRenderMs: t1 - t0, firstWalkMs: t2 - t1, fullRenderMs: t3 - t2, seeded, stateBytes, stateWaitMs: contextWaitMs(extensionHostMarks(), extensionId),
    ...(times ? {} : { perfExcerpt: excerpt }),
  };
  writeResult(task.resultFile, result);
  if (task.continueFile) {
    const file = task.continueFile;
    await waitFor(() => (fs.existsSync(file) ? true : undefined), 120_000, 20);
  }
}

async function scale(task: Extract<ExthostTask, { kind: 'scale' }>): Promise<void> {
  const { api } = await activate();
  const { seedMs, reloadMs } = await seed(api, task.providers, task.scopesPerProvider);
  const store = api.testHooks.store;

  // The extension's own tree, first walk: under the profiler when asked for (then its time includes that overhead).
  const firstSession = task.profileFile ? await startProfiler() : undefined;
  const t0 = performance.now();
  const first = walk(api.testHooks.tree, false);
  const extensionTreeFirstWalkMs = performance.now() - t0;
  if (firstSession && task.profileFile) fs.writeFileSync(task.profileFile.replace(/\.cpuprofile$/, '-first.cpuprofile'), JSON.stringify(await stopProfiler(firstSession)));

  const coldWalkMs: number[] = [];
  const warmWalkMs: number[] = [];
  const coldWalkWithItemsMs: number[] = [];
  for (let i = 0; i < task.warmups + task.repeats; i++) {
    const tree = new ProvidersTreeDataProvider(store);
    const a = performance.now();
    walk(tree, false);
    const b = performance.now();
    walk(tree, false);
    const c = performance.now();
    tree.dispose();
    const fresh = new ProvidersTreeDataProvider(store);
    const d = performance.now();
    walk(fresh, true);
    const e = performance.now();
    fresh.dispose();
    if (i >= task.warmups) {
      coldWalkMs.push(b - a);
      warmWalkMs.push(c - b);
      coldWalkWithItemsMs.push(e - d);
    }
  }
  if (task.profileFile) {
    // Five more fresh-tree walks under the V8 profiler: the tree code runs from this bundle (readable), the store
    // from the extension's.
    const session = await startProfiler();
    for (let i = 0; i < 5; i++) {
      const tree = new ProvidersTreeDataProvider(store);
      walk(tree, false);
      tree.dispose();
    }
    fs.writeFileSync(task.profileFile, JSON.stringify(await stopProfiler(session)));
  }
  const scopes = store.providers().reduce((sum, provider) => sum + store.scopes(provider.id).length, 0);
  const credentials = store.providers().reduce((sum, provider) => sum + store.credentials(provider.id).length, 0);
  const result: ScaleResult = {
    kind: 'scale', providers: store.providers().length, scopes, credentials, nodes: first.nodes, seedMs, reloadMs,
    extensionTreeFirstWalkMs, coldWalkMs, warmWalkMs, coldWalkWithItemsMs,
  };
  writeResult(task.resultFile, result);
}

async function profile(task: Extract<ExthostTask, { kind: 'profile' }>): Promise<void> {
  await settle(40, 20_000);
  await delay(task.settleMs);
  const session = await startProfiler();
  const { wasActive, activateMs } = await activate();
  fs.writeFileSync(task.profileFile, JSON.stringify(await stopProfiler(session)));
  const result: ProfileResult = { kind: 'profile', wasActive, activateMs };
  writeResult(task.resultFile, result);
}

async function open(task: Extract<ExthostTask, { kind: 'open' }>): Promise<void> {
  await settle(40, 20_000);
  await delay(task.settleMs);
  const result: OpenResult = { kind: 'open', wasActive: vscode.extensions.getExtension(extensionId)?.isActive ?? false };
  writeResult(task.resultFile, result);
  const go = `${task.formFile}.go`;
  if (!await waitFor(() => (fs.existsSync(go) ? true : undefined), 120_000, 10)) return;
  const start: FormStart = { commandAt: performance.timeOrigin + performance.now(), hostMarks: extensionHostMarks() };
  void vscode.commands.executeCommand(task.formCommand);
  writeResult(task.formFile, start);
  await waitFor(() => (fs.existsSync(task.continueFile) ? true : undefined), 120_000, 20);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function run(): Promise<void> {
  const task = JSON.parse(process.env.BENCH_TASK ?? '{}') as ExthostTask;
  try {
    if (task.kind === 'cold') await cold(task);
    else if (task.kind === 'scale') await scale(task);
    else if (task.kind === 'profile') await profile(task);
    else if (task.kind === 'open') await open(task);
    else throw new Error(`unknown BENCH_TASK ${JSON.stringify(task)}`);
  } catch (error) {
    if ('resultFile' in task) writeResult(task.resultFile, { error: error instanceof Error ? error.stack ?? error.message : String(error) });
    throw error;
  }
}
