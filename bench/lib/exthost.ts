// Parts 1 and 5: activation, first tree render and tree scale in code-server's real extension host (a full VS Code
// build), driven by headless Chromium. Every task runs in a fresh extension host: each is a new page load of the
// workbench whose payload names the staged extension (extensionDevelopmentPath, so it runs in test mode and exposes
// its test hooks) and bench/exthost as extensionTestsPath. The staged extension is the production build from
// `vsce package` (see package.ts). Opening the view and a form next to the trivial extensions is the exception:
// there Provider Desk is installed from what the VSIX holds, as the trivial ones are and as users have it, and the
// script runs as the tests of an empty development extension.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import type { Page } from 'playwright-core';
import { ensureTools, launchChromium, remoteUri, startCodeServer, type CodeServer } from '../../scripts/vscode/codeServer';
import type { ColdResult, ExthostTask, OpenResult, ProfileResult, ScaleResult } from '../exthost/index';
import type { ChildBundles } from './build';
import { progress } from './log';
import { benchOpenComparison, installTrivialExtension, measureUiRender, providerDeskView, type OpenComparison, type UiRender } from './openView';
import { buildStage, zipEntries } from './package';
import { profilesDir, repoRoot, runsDir, stageDir, workDir } from './paths';
import { describeProfile, readProfile, summarizeProfile, type ProfileSummary } from './profile';
import { kb, ms, summarize, type Summary } from './stats';

export interface ExthostOptions {
  warmups: number;
  coldRuns: number;
  renderProviders: number;
  scaleProviders: number;
  scaleScopes: number;
  scaleRepeats: number;
  bigStoreRuns: number;
  /** Rounds of opening the view and a form, next to the trivial extension and its copy (0: none). */
  openRounds: number;
  ui: boolean;
  profile: boolean;
  keep: boolean;
}


export interface ExthostReport {
  codeServer: string;
  runs: ColdResult[];
  ui: UiRender[];
  activateMs: Summary;
  vscodeTotalMs: Summary;
  vscodeCodeLoadingMs: Summary;
  vscodeActivateCallMs: Summary;
  vscodeActivateResolvedMs: Summary;
  /** Before activate(): VS Code waiting for the extension's globalState, and that state's size (bytes). */
  stateWaitMs: Summary;
  stateBytes: Summary;
  firstRenderMs: Summary;
  fullRenderMs: Summary;
  uiRenderMs: Summary;
  renderProviders: number;
  wasActiveRuns: number;
  scale?: ScaleResult & {
    coldWalk: Summary; warmWalk: Summary; coldWalkWithItems: Summary;
    profile?: { file: string; summary: ProfileSummary; text: string };
    firstWalkProfile?: { file: string; summary: ProfileSummary; text: string };
  };
  bigStore?: { providers: number; activateMs: Summary; vscodeTotalMs: Summary; stateWaitMs: Summary; stateBytes: Summary; firstRenderMs: Summary; firstWalkMs: Summary; runs: ColdResult[] };
  profile?: { activateMs: number; file: string; summary: ProfileSummary; text: string };
  /** The workbench (renderer) while opening the view, from one extra run. */
  uiProfile?: { ms: number; file: string; summary: ProfileSummary; text: string };
  firstRun?: ColdResult;
  /** Click → rows and command → interactive form, Provider Desk next to the trivial extension. */
  open?: OpenComparison;
}

const noise = /AgentHost|ChatModelSelection|AccountPolicyGate|Creating a socket|connection token|authentication provider 'github'|Service Worker|additional builtin|grace time|open-vsx|ERR_NAME_NOT_RESOLVED|vsda|Deprecation Warning|PendingMigrationError/;

class Driver {
  private finish: ((code: number) => void) | undefined;
  private readonly log: string[] = [];
  private sequence = 0;

  /** The development extension each window loads, and its tests (the bench/exthost script). */
  private development: { folder: string; script: string };
  private readonly staged: { folder: string; script: string };

  /** Seconds of the last run: page load → result written, → `during` done, → extension host ended. */
  lastTimes = { resultS: 0, duringS: 0, exitS: 0 };

  private constructor(
    private readonly page: Page,
    private readonly server: CodeServer,
    private readonly runDir: string,
    private readonly workspace: string,
    /** extensionTestsPath: the bundled bench/exthost script. */
    exthostScript: string,
  ) {
    this.staged = { folder: stageDir, script: exthostScript };
    this.development = this.staged;
  }

  /**
   * From now on, windows load `folder` (an extension of its own, holding a copy of the bench/exthost script) as the
   * development extension instead of the staged Provider Desk; or the staged Provider Desk again (no folder).
   */
  developWith(folder?: string): void {
    this.development = folder ? { folder, script: path.join(folder, path.basename(this.staged.script)) } : this.staged;
  }

  static async create(page: Page, server: CodeServer, runDir: string, workspace: string, exthostScript: string): Promise<Driver> {
    const driver = new Driver(page, server, runDir, workspace, exthostScript);
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const message = util.format(...(Array.isArray(args) ? args : [args]));
      if (!noise.test(message)) driver.log.push(`[${type}] ${message}`);
      if (driver.log.length > 200) driver.log.shift();
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => driver.finish?.(code));
    return driver;
  }

  /** Loads the workbench with a fresh extension host running `task`; `during` runs once the result file exists. */
  async run<T>(makeTask: (resultFile: string, continueFile: string) => ExthostTask, during?: () => Promise<void>): Promise<T> {
    const id = ++this.sequence;
    const resultFile = path.join(this.runDir, `task-${id}.json`);
    const continueFile = path.join(this.runDir, `task-${id}.continue`);
    const task = makeTask(resultFile, continueFile);
    const exited = new Promise<number>((resolve) => { this.finish = resolve; });
    const payload = [
      ['extensionDevelopmentPath', remoteUri(this.server, this.development.folder)],
      ['extensionTestsPath', remoteUri(this.server, this.development.script)],
      ['extensionEnvironment', JSON.stringify({ BENCH_TASK: JSON.stringify(task) })],
    ];
    this.log.length = 0;
    const t0 = Date.now();
    await this.page.goto(`${this.server.origin}/?folder=${encodeURIComponent(this.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const deadline = Date.now() + 180_000;
    while (!fs.existsSync(resultFile)) {
      if (Date.now() > deadline) throw new Error(`extension-host task ${task.kind} wrote no result in 180 s (run folder ${this.runDir}):\n${this.log.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as T & { error?: string };
    if (result.error) throw new Error(`extension-host task ${task.kind} failed: ${result.error}\n${this.log.join('\n')}`);
    const t1 = Date.now();
    if (during) await during();
    const t2 = Date.now();
    if ('continueFile' in task && task.continueFile) fs.writeFileSync(task.continueFile, 'go');
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), 60_000); })]);
    clearTimeout(timer);
    if (code !== 0) throw new Error(`extension-host task ${task.kind} ended with ${code}:\n${this.log.join('\n')}`);
    this.lastTimes = { resultS: (t1 - t0) / 1000, duringS: (t2 - t1) / 1000, exitS: (Date.now() - t2) / 1000 };
    return result;
  }
}

/** Installs the packaged Provider Desk into `extensionsDir`: the staged files the VSIX holds. */
function installProviderDesk(extensionsDir: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(stageDir, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const folder = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  for (const { name } of zipEntries(path.join(workDir, 'provider-desk.vsix'))) {
    // vsce renames README.md and CHANGELOG.md to lower case; nothing the workbench reads while the view opens.
    const file = name.replace(/^extension\//, '');
    if (file === name || !fs.existsSync(path.join(stageDir, file))) continue;
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.copyFileSync(path.join(stageDir, file), path.join(folder, file));
  }
}

/** An empty development extension whose tests are the bench/exthost script: it drives windows where nothing of ours is in test mode. */
function benchDriverExtension(runDir: string, exthostScript: string): string {
  const folder = path.join(runDir, 'bench-driver');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'package.json'), `${JSON.stringify({ name: 'bench-driver', publisher: 'bench', version: '0.0.1', engines: { vscode: '^1.95.0' } }, null, 2)}\n`);
  fs.copyFileSync(exthostScript, path.join(folder, path.basename(exthostScript)));
  return folder;
}

function codeServerVersion(): string {
  const cache = process.env.PROVIDER_DESK_CACHE ?? path.join(process.env.HOME ?? '', '.cache', 'provider-desk-test');
  const version = process.env.CS_VERSION ?? '4.139.1';
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(cache, `code-server-${version}`, 'lib', 'node_modules', 'code-server', 'lib', 'vscode', 'product.json'), 'utf8')) as { version?: string };
    return `code-server ${version} (VS Code ${pkg.version ?? '?'})`;
  } catch {
    return `code-server ${version}`;
  }
}

function nameOther(file: string): string {
  const builtin = /\/extensions\/([^/]+)\//.exec(file);
  if (file.includes('/code-server') && builtin) return `built-in extension ${builtin[1]}`;
  if (file.includes('/code-server')) return `VS Code (${path.basename(file)})`;
  for (const bundle of ['extension.js', 'heroku.js', 'l10n.js']) if (file === path.join(stageDir, 'dist', bundle)) return `dist/${bundle} (minified)`;
  return path.basename(file);
}

/** Scripts of the workbench page: VS Code's own bundles, by their path under out/vs. */
function rendererName(url: string): string {
  const vs = /\/out\/(vs\/.+)$/.exec(url);
  if (vs) return `VS Code renderer (${vs[1].split('/').slice(-1)[0]})`;
  return url ? url.replace(/^https?:\/\/[^/]+/, '').slice(0, 80) : '(native)';
}

export async function benchExtensionHost(bundles: ChildBundles, options: ExthostOptions): Promise<ExthostReport> {
  progress('extension host: checking code-server and Chromium (scripts/setup-test-env.sh installs them when missing)');
  ensureTools();
  fs.mkdirSync(runsDir, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(runsDir, 'exthost-'));
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  // The trivial extension and its copy are installed (in every window, activated only by their views or commands).
  for (const variant of ['trivial', 'trivialCopy'] as const) installTrivialExtension(bundles.trivialExtension, path.join(runDir, 'exts'), variant);
  // So is Provider Desk, for opening the view next to them; every other task loads the staged copy as the development
  // extension, which VS Code then uses instead of the installed one.
  if (options.ui && options.openRounds > 0) installProviderDesk(path.join(runDir, 'exts'));
  const server = await startCodeServer({ runDir, folder: workspace });
  const browser = await launchChromium(runDir);
  try {
    const page = browser.pages()[0] ?? await browser.newPage();
    await page.setViewportSize({ width: 1200, height: 3000 });
    const driver = await Driver.create(page, server, runDir, workspace, bundles.exthost);
    const seed = { providers: options.renderProviders, scopesPerProvider: 2 };

    const runs: ColdResult[] = [];
    const ui: UiRender[] = [];
    let firstRun: ColdResult | undefined;
    for (let i = 0; i < options.warmups + options.coldRuns; i++) {
      const measured = i >= options.warmups;
      let uiRender: UiRender | undefined;
      const result = await driver.run<ColdResult>(
        (resultFile, continueFile) => ({ kind: 'cold', resultFile, seed, settleMs: 500, ...(measured && options.ui ? { continueFile } : {}) }),
        measured && options.ui ? async () => { uiRender = await measureUiRender(page, providerDeskView); } : undefined,
      );
      if (i === 0) firstRun = result;
      if (measured) {
        runs.push(result);
        if (uiRender) ui.push(uiRender);
      }
      progress(`  ${measured ? `cold activation ${i - options.warmups + 1}/${options.coldRuns}` : 'warm-up'}: activate() ${ms(result.activateMs)} ms`
        + `${result.vscode ? ` (VS Code: load ${ms(result.vscode.codeLoadingMs)} + call ${ms(result.vscode.activateCallMs)} + resolve ${ms(result.vscode.activateResolvedMs)} ms)` : ''}`
        + `, ${ms(result.stateWaitMs ?? NaN)} ms waiting for its globalState (${kb(result.stateBytes)} KB) before, first render of ${result.providers} providers ${ms(result.firstRenderMs)} ms${uiRender ? `, UI ${ms(uiRender.ms)} ms` : ''}${result.wasActive ? ' [WAS ALREADY ACTIVE]' : ''}`
        + ` [workbench round trip ${ms(result.workbenchRoundTripMs)} ms; load→settled→result ${driver.lastTimes.resultS.toFixed(1)} s (settled after ${(result.settledAfterMs / 1000).toFixed(1)} s), UI ${driver.lastTimes.duringS.toFixed(1)} s, exit ${driver.lastTimes.exitS.toFixed(1)} s]`);
    }

    const report: ExthostReport = {
      codeServer: codeServerVersion(),
      runs,
      ui,
      activateMs: summarize(runs.map((r) => r.activateMs)),
      vscodeTotalMs: summarize(runs.map((r) => (r.vscode ? r.vscode.codeLoadingMs + r.vscode.activateCallMs + r.vscode.activateResolvedMs : NaN))),
      vscodeCodeLoadingMs: summarize(runs.map((r) => r.vscode?.codeLoadingMs ?? NaN)),
      vscodeActivateCallMs: summarize(runs.map((r) => r.vscode?.activateCallMs ?? NaN)),
      vscodeActivateResolvedMs: summarize(runs.map((r) => r.vscode?.activateResolvedMs ?? NaN)),
      stateWaitMs: summarize(runs.map((r) => r.stateWaitMs ?? NaN)),
      stateBytes: summarize(runs.map((r) => r.stateBytes)),
      firstRenderMs: summarize(runs.map((r) => r.firstRenderMs)),
      fullRenderMs: summarize(runs.map((r) => r.fullRenderMs)),
      uiRenderMs: summarize(ui.map((r) => r.ms)),
      renderProviders: options.renderProviders,
      wasActiveRuns: runs.filter((r) => r.wasActive).length,
      firstRun,
    };

    if (options.ui && options.openRounds > 0) {
      progress(`extension host: opening the view and a form, next to a trivial extension and its copy, ${options.openRounds} rounds of three fresh windows`);
      // The installed Provider Desk (not in test mode), with the providers the cold runs stored.
      driver.developWith(benchDriverExtension(runDir, bundles.exthost));
      try {
        report.open = await benchOpenComparison(page, (formCommand, during) => {
          let formFile = '';
          return driver.run<OpenResult>((resultFile, continueFile) => {
            formFile = `${resultFile}.form`;
            return { kind: 'open', resultFile, continueFile, formFile, formCommand, settleMs: 500 };
          }, () => during(formFile));
        }, options.openRounds);
      } finally {
        driver.developWith();
      }
    }

    if (options.ui && options.profile) {
      progress('extension host: one more run, the workbench page under the V8 profiler while the view opens');
      fs.mkdirSync(profilesDir, { recursive: true });
      const uiProfileFile = path.join(profilesDir, 'ui-render.cpuprofile');
      let uiRender: UiRender | undefined;
      await driver.run<ColdResult>((resultFile, continueFile) => ({ kind: 'cold', resultFile, seed, settleMs: 500, continueFile }),
        async () => { uiRender = await measureUiRender(page, providerDeskView, uiProfileFile); });
      if (uiRender && fs.existsSync(uiProfileFile)) {
        const summary = summarizeProfile(readProfile(uiProfileFile), { bundles: [], nameOther: rendererName, top: 12 });
        report.uiProfile = { ms: uiRender.ms, file: uiProfileFile, summary, text: describeProfile(summary, `The workbench page while the Providers view opens with ${options.renderProviders} providers (click → last row ${ms(uiRender.ms)} ms under the profiler)`) };
      }
    }

    if (options.scaleProviders > 0) {
      progress(`extension host: tree scale, ${options.scaleProviders} providers × ${options.scaleScopes} scopes`);
      fs.mkdirSync(profilesDir, { recursive: true });
      const walkProfile = path.join(profilesDir, 'tree-walk.cpuprofile');
      const scale = await driver.run<ScaleResult>((resultFile) => ({
        kind: 'scale', resultFile, providers: options.scaleProviders, scopesPerProvider: options.scaleScopes, warmups: 2, repeats: options.scaleRepeats,
        ...(options.profile ? { profileFile: walkProfile } : {}),
      }));
      report.scale = { ...scale, coldWalk: summarize(scale.coldWalkMs), warmWalk: summarize(scale.warmWalkMs), coldWalkWithItems: summarize(scale.coldWalkWithItemsMs) };
      if (options.profile && fs.existsSync(walkProfile)) {
        const summary = summarizeProfile(readProfile(walkProfile), { bundles: [{ file: bundles.exthost, baseDir: repoRoot }], nameOther, top: 12 });
        report.scale.profile = { file: walkProfile, summary, text: describeProfile(summary, `Five getChildren walks of ${scale.nodes} nodes, fresh tree each, under the profiler (tree code from a readable bundle)`) };
      }
      const firstProfile = walkProfile.replace(/\.cpuprofile$/, '-first.cpuprofile');
      if (options.profile && fs.existsSync(firstProfile)) {
        const summary = summarizeProfile(readProfile(firstProfile), { bundles: [{ file: bundles.exthost, baseDir: repoRoot }], nameOther, top: 12 });
        report.scale.firstWalkProfile = { file: firstProfile, summary, text: describeProfile(summary, `The extension's own tree, first getChildren walk of ${scale.nodes} nodes right after seeding, under the profiler (${ms(scale.extensionTreeFirstWalkMs)} ms; production build, minified)`) };
      }
      progress(`  ${scale.nodes} nodes: first walk ${ms(scale.extensionTreeFirstWalkMs)} ms, fresh tree ${ms(report.scale.coldWalk.median)} ms, cached ${ms(report.scale.warmWalk.median)} ms`);

      const big: ColdResult[] = [];
      for (let i = 0; i < options.bigStoreRuns; i++) {
        const last = i === options.bigStoreRuns - 1;
        // The last one puts the 100-provider store back for the profile run.
        const result = await driver.run<ColdResult>((resultFile) => ({ kind: 'cold', resultFile, settleMs: 500, ...(last ? { seed } : {}) }));
        big.push(result);
        progress(`  cold activation with ${result.providers} providers (${result.nodes} nodes): activate() ${ms(result.activateMs)} ms after ${ms(result.stateWaitMs ?? NaN)} ms waiting for its globalState (${kb(result.stateBytes)} KB), first render ${ms(result.firstRenderMs)} ms, first walk ${ms(result.firstWalkMs)} ms`);
      }
      if (big.length > 0) {
        report.bigStore = {
          providers: big[0].providers,
          activateMs: summarize(big.map((r) => r.activateMs)),
          vscodeTotalMs: summarize(big.map((r) => (r.vscode ? r.vscode.codeLoadingMs + r.vscode.activateCallMs + r.vscode.activateResolvedMs : NaN))),
          stateWaitMs: summarize(big.map((r) => r.stateWaitMs ?? NaN)),
          stateBytes: summarize(big.map((r) => r.stateBytes)),
          firstRenderMs: summarize(big.map((r) => r.firstRenderMs)),
          firstWalkMs: summarize(big.map((r) => r.firstWalkMs)),
          runs: big,
        };
      }
    }

    if (options.profile) {
      progress('extension host: one activation under the V8 profiler (readable, non-minified build of the extension)');
      buildStage([]);
      fs.mkdirSync(profilesDir, { recursive: true });
      const profileFile = path.join(profilesDir, 'activation.cpuprofile');
      const result = await driver.run<ProfileResult>((resultFile) => ({ kind: 'profile', resultFile, profileFile, settleMs: 500 }));
      const bundle = path.join(stageDir, 'dist', 'extension.js');
      const summary = summarizeProfile(readProfile(profileFile), {
        bundles: [{ file: bundle, baseDir: stageDir }, { file: bundles.exthost, baseDir: repoRoot }], nameOther, top: 12,
        focus: { files: [bundle], functions: ['_doLoadModule'] },
      });
      report.profile = { activateMs: result.activateMs, file: profileFile, summary, text: describeProfile(summary, `Activation under the profiler (${ms(result.activateMs)} ms, 100 providers, non-minified build)`) };
    }
    return report;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    if (!options.keep) fs.rmSync(runDir, { recursive: true, force: true });
  }
}
