// Opening the view and opening a form in the real workbench, side by side with a trivial extension (the floor, see
// bench/exthost/trivialExtension.ts): each round loads three fresh windows, one per extension, in rotating order: Provider
// Desk, the trivial extension and an identical copy of it, whose difference from the trivial one is the measure's noise.
// All three are installed extensions (bench/lib/exthost.ts), none in test mode.
// In each, nothing is active yet: a click on the extension's activity-bar icon (activating it) until its first and
// its last row are in the DOM; then its form command (run in the extension host) until the webview's first text
// field is rendered and the page says it is ready (`#app` no longer aria-busy). The extension host's own marks say
// where the activation the click started stood meanwhile (see ActivationPhases).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { hostMarkTime, type HostMark } from '../exthost/hostMarks';
import type { FormStart, OpenResult } from '../exthost/index';
import { progress } from './log';
import { stageDir } from './paths';
import { ms, summarize, type Summary } from './stats';

export interface ViewTarget {
  /** `publisher.name`, as VS Code's extension-host marks name the extension. */
  extensionId: string;
  /** Start of the activity-bar item's aria-label. */
  icon: string;
  /** The tree's aria-label (the view's name). */
  list: string;
  rows: number;
}

export interface UiRender {
  /** When the click happened, epoch ms. */
  clickAt: number;
  /** Click on the activity-bar icon → the first row's label in the DOM. */
  firstMs: number;
  /** Click → the last expected row in the DOM. */
  ms: number;
  rows: number;
}

export const providerDeskView: ViewTarget = { extensionId: 'providerdesk.provider-desk', icon: 'Provider Desk', list: 'Providers', rows: 100 };

/** The trivial extension and its copy: the same bundle, told apart by the ids and names in their manifests. */
const trivialExtensions = {
  trivial: { prefix: 'benchTrivial', name: 'trivial-tree', view: { extensionId: 'bench.trivial-tree', icon: 'Trivial Tree', list: 'Rows', rows: providerDeskView.rows } },
  trivialCopy: { prefix: 'benchCopy', name: 'trivial-copy', view: { extensionId: 'bench.trivial-copy', icon: 'Copied Tree', list: 'Copied rows', rows: providerDeskView.rows } },
} as const satisfies Record<string, { prefix: string; name: string; view: ViewTarget }>;

export type TrivialVariant = keyof typeof trivialExtensions;

/**
 * Opens a view from the activity bar and times click → its first and last row in the DOM. With `profileFile`, the
 * workbench page (renderer) runs under the V8 profiler meanwhile (Chrome DevTools Protocol).
 */
export async function measureUiRender(page: Page, target: ViewTarget, profileFile?: string): Promise<UiRender> {
  const item = page.locator(`.activitybar [aria-label^="${target.icon}"]`).first();
  await item.waitFor({ timeout: 60_000 });
  // A string, not a function: tsx would wrap a function's inner helpers in its `__name` helper, unknown in the page.
  await page.evaluate(`(() => {
    const expected = ${target.rows};
    const list = '.monaco-list[aria-label="${target.list}"] ';
    const state = { start: 0, first: 0, done: 0, rows: 0 };
    window.benchUi = state;
    document.addEventListener('mousedown', () => { if (!state.start) state.start = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (!state.start || state.done) return;
      const row = (n) => document.querySelector(list + '.monaco-list-row[aria-posinset="' + n + '"] .label-name');
      if (!state.first && row(1)?.textContent) state.first = performance.now();
      if (row(expected)?.textContent) {
        state.done = performance.now();
        state.rows = document.querySelectorAll(list + '.monaco-list-row').length;
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  const cdp = profileFile ? await page.context().newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await item.click();
  await page.waitForFunction('window.benchUi.done > 0', undefined, { timeout: 60_000 });
  if (cdp && profileFile) {
    const { profile } = await cdp.send('Profiler.stop');
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    await cdp.detach();
  }
  const state = await page.evaluate('window.benchUi') as { start: number; first: number; done: number; rows: number };
  const timeOrigin = await page.evaluate('performance.timeOrigin') as number;
  // Back to the Explorer, so that the next load does not open (and activate) the extension at startup.
  await page.locator('.activitybar [aria-label^="Explorer"]').first().click();
  await page.locator('.part.sidebar .composite.title .title-label', { hasText: /Explorer/i }).first().waitFor({ timeout: 30_000 });
  return { clickAt: timeOrigin + state.start, firstMs: state.first - state.start, ms: state.done - state.start, rows: state.rows };
}

/**
 * Installs the trivial extension (`variant`) into the extensions folder `extensionsDir`: its bundles (bench/lib/build.ts,
 * in `bundleFolder`), the form's stylesheets, and a manifest with the variant's ids.
 */
export function installTrivialExtension(bundleFolder: string, extensionsDir: string, variant: TrivialVariant): void {
  const { prefix, name, view } = trivialExtensions[variant];
  const folder = path.join(extensionsDir, `bench.${name}-0.0.1`);
  fs.cpSync(bundleFolder, folder, { recursive: true });
  const manifest = {
    name, publisher: 'bench', version: '0.0.1', engines: { vscode: '^1.95.0' }, main: './extension.js', benchRows: view.rows, benchPrefix: prefix,
    contributes: {
      viewsContainers: { activitybar: [{ id: prefix, title: view.icon, icon: 'media/icon.svg' }] },
      views: { [prefix]: [{ id: `${prefix}.rows`, name: view.list }] },
      commands: [{ command: `${prefix}.openWebview`, title: `Open ${view.icon} Form` }],
    },
  };
  fs.writeFileSync(path.join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const file of ['main.css', 'codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(stageDir, 'dist', 'webview', file), path.join(folder, 'media', file));
  fs.copyFileSync(path.join(stageDir, 'media', 'provider-desk.svg'), path.join(folder, 'media', 'icon.svg'));
}

const interactiveForm = `(() => {
  const app = document.querySelector('#app:not([aria-busy="true"])');
  const field = app && app.querySelector('vscode-textfield');
  return Boolean(field && field.shadowRoot && field.shadowRoot.querySelector('input'));
})()`;

async function frameIsInteractive(frame: Frame): Promise<boolean> {
  try {
    return await frame.evaluate(interactiveForm) as boolean;
  } catch {
    return false; // a frame that went away or is being replaced
  }
}

export interface FormTiming {
  /** Form command → interactive form. */
  ms: number;
  /** Form command → the webview's document started loading (the rest is the page itself and its messages). */
  pageStartMs: number;
  /** The extension host's marks when the form command ran. */
  hostMarks: HostMark[];
}

/**
 * The activation a click started, from VS Code's own marks in the extension host, in ms after the click (the page's
 * and the host's clocks are the same machine's). Between the code loaded and activate() called, VS Code fetches the
 * extension's globalState from the workbench.
 */
export interface ActivationPhases {
  loadStartMs: number;
  codeLoadedMs: number;
  activateCalledMs: number;
  activatedMs: number;
}

const phaseMarks: Record<keyof ActivationPhases, string> = {
  loadStartMs: 'willLoadExtensionCode', codeLoadedMs: 'didLoadExtensionCode', activateCalledMs: 'willActivateExtension', activatedMs: 'didActivateExtension',
};

function activationPhases(marks: readonly HostMark[], extensionId: string, clickAt: number): ActivationPhases | undefined {
  const phases: Partial<ActivationPhases> = {};
  for (const [phase, kind] of Object.entries(phaseMarks) as [keyof ActivationPhases, string][]) {
    const at = hostMarkTime(marks, kind, extensionId);
    if (at === undefined) return undefined;
    phases[phase] = at - clickAt;
  }
  return phases as ActivationPhases;
}

/**
 * Asks the extension host for the form (the open task's formFile + '.go'), then polls every frame of the page until a
 * webview shows an interactive form. Both clocks are epoch-based.
 */
export async function measureForm(page: Page, formFile: string): Promise<FormTiming> {
  fs.writeFileSync(`${formFile}.go`, 'go');
  const deadline = Date.now() + 60_000;
  while (!fs.existsSync(formFile)) {
    if (Date.now() > deadline) throw new Error('the extension host did not run the form command');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const { commandAt, hostMarks } = JSON.parse(fs.readFileSync(formFile, 'utf8')) as FormStart;
  while (Date.now() < deadline) {
    const frames = page.frames().filter((frame) => frame !== page.mainFrame());
    for (const frame of frames) {
      if (await frameIsInteractive(frame)) {
        const interactiveAt = performance.timeOrigin + performance.now();
        const pageStartAt = await frame.evaluate('performance.timeOrigin') as number;
        return { ms: interactiveAt - commandAt, pageStartMs: pageStartAt - commandAt, hostMarks };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error('no interactive form within 60 s');
}

export interface OpenRound {
  target: 'providerDesk' | TrivialVariant;
  view: UiRender;
  /** Undefined when the host had no marks for the extension (an older VS Code). */
  phases: ActivationPhases | undefined;
  form: FormTiming;
  wasActive: boolean;
}

/** One extension's rounds, summarized. */
export interface OpenSummary {
  firstRowMs: Summary;
  lastRowMs: Summary;
  formMs: Summary;
  formPageStartMs: Summary;
  /** Each phase's median over the rounds, when every round had the marks. */
  phases: Record<keyof ActivationPhases, Summary> | undefined;
}

export interface OpenComparison {
  rounds: OpenRound[];
  providerDesk: OpenSummary;
  trivial: OpenSummary;
  /** The identical copy of the trivial extension: its difference from `trivial` is the measure's noise in this run. */
  trivialCopy: OpenSummary;
}

/** What benchOpenComparison needs of the extension-host driver: one fresh window running an `open` task. */
export type RunOpen = (formCommand: string, during: (formFile: string) => Promise<void>) => Promise<OpenResult>;

function summarizePhases(rounds: (ActivationPhases | undefined)[]): Record<keyof ActivationPhases, Summary> | undefined {
  const complete = rounds.filter((phases): phases is ActivationPhases => phases !== undefined);
  if (complete.length === 0 || complete.length < rounds.length) return undefined;
  const phases = Object.keys(phaseMarks) as (keyof ActivationPhases)[];
  return Object.fromEntries(phases.map((phase) => [phase, summarize(complete.map((round) => round[phase]))])) as Record<keyof ActivationPhases, Summary>;
}

export async function benchOpenComparison(page: Page, runOpen: RunOpen, rounds: number): Promise<OpenComparison> {
  const openOnce = async (target: OpenRound['target']): Promise<OpenRound> => {
    let view: UiRender | undefined;
    let form: FormTiming = { ms: NaN, pageStartMs: NaN, hostMarks: [] };
    const formCommand = target === 'providerDesk' ? 'providerDesk.addProvider' : `${trivialExtensions[target].prefix}.openWebview`;
    const viewTarget = target === 'providerDesk' ? providerDeskView : trivialExtensions[target].view;
    const result = await runOpen(formCommand, async (formFile) => {
      view = await measureUiRender(page, viewTarget);
      form = await measureForm(page, formFile);
    });
    if (!view) throw new Error(`no view measurement for ${target}`);
    return { target, view, phases: activationPhases(form.hostMarks, viewTarget.extensionId, view.clickAt), form, wasActive: result.wasActive };
  };
  // The first form after the windows' development extension changed waited ~2.5 s more before its page started,
  // whichever extension opened it (Provider Desk in round 1, or the trivial one when it went first): a warm-up window.
  const warmUp = await openOnce('trivial');
  progress(`  warm-up (trivial, not counted): form ${ms(warmUp.form.ms)} ms (page started at ${ms(warmUp.form.pageStartMs)} ms)`);
  const results: OpenRound[] = [];
  const targets: OpenRound['target'][] = ['providerDesk', 'trivial', 'trivialCopy'];
  for (let round = 0; round < rounds; round++) {
    for (const target of targets.map((_, index) => targets[(index + round) % targets.length]!)) {
      const opened = await openOnce(target);
      results.push(opened);
      const { view, phases, form, wasActive } = opened;
      const host = phases ? ` [host: code ${ms(phases.loadStartMs)}–${ms(phases.codeLoadedMs)}, activate() ${ms(phases.activateCalledMs)}–${ms(phases.activatedMs)}]` : '';
      progress(`  open ${round + 1}/${rounds} ${target}: click → first row ${ms(view.firstMs)} ms${host}, last row ${ms(view.ms)} ms; form ${ms(form.ms)} ms (page started at ${ms(form.pageStartMs)} ms)${wasActive && target === 'providerDesk' ? ' [WAS ALREADY ACTIVE]' : ''}`);
    }
  }
  const of = (target: OpenRound['target']): OpenSummary => {
    const mine = results.filter((r) => r.target === target);
    return {
      firstRowMs: summarize(mine.map((r) => r.view.firstMs)), lastRowMs: summarize(mine.map((r) => r.view.ms)),
      formMs: summarize(mine.map((r) => r.form.ms)), formPageStartMs: summarize(mine.map((r) => r.form.pageStartMs)),
      phases: summarizePhases(mine.map((r) => r.phases)),
    };
  };
  return { rounds: results, providerDesk: of('providerDesk'), trivial: of('trivial'), trivialCopy: of('trivialCopy') };
}
