// Drives the real VS Code workbench (code-server + headless Chromium) the way a person would: palette, tree,
// webview forms, Output panel. The extension is installed from the packaged VSIX, as a user installs it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { installVsix, launchChromium, newRunDir, registerLanguagePack, repoRoot, startCodeServer, type CodeServer } from '../../scripts/vscode/codeServer';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';
import { scriptFileVariable, type ScriptStep } from '../fixtures/scripted-model/script';
import { installScriptedModel } from '../harness/scriptedModel';

const screenshotDir = process.env.PROVIDER_DESK_UPDATE_DOCS ? path.join(repoRoot, 'docs') : path.join(repoRoot, 'test-results', 'screenshots');

export interface WorkbenchOptions {
  /** Display language, e.g. `de`; English by default. */
  locale?: string;
}

export class Workbench {
  private server?: CodeServer;
  private browser?: BrowserContext;
  private currentPage?: Page;
  private heroku?: FakeHeroku;
  runDir = '';
  workspace = '';

  constructor(private readonly options: WorkbenchOptions = {}) {}

  get page(): Page {
    if (!this.currentPage) throw new Error('workbench not started');
    return this.currentPage;
  }

  get fakeHeroku(): FakeHeroku {
    if (!this.heroku) throw new Error('workbench not started');
    return this.heroku;
  }

  get userDataDir(): string { return this.server!.userDataDir; }

  /** HOME of code-server and its extension host: tests put a Heroku CLI ~/.netrc here, never in the real HOME. */
  get homeDir(): string { return path.join(this.runDir!, 'home'); }

  /** Where the scripted model takes its next script from (test/fixtures/scripted-model). */
  get modelScriptFile(): string { return path.join(this.runDir, 'model-script.json'); }

  /** What the scripted model answers from its next request on. */
  setModelScript(steps: readonly ScriptStep[]): void {
    fs.writeFileSync(this.modelScriptFile, JSON.stringify(steps));
  }

  async start(): Promise<void> {
    const { locale } = this.options;
    this.runDir = newRunDir(locale ? `ui-${locale}` : 'ui');
    this.workspace = path.join(this.runDir, 'workspace');
    fs.mkdirSync(this.workspace, { recursive: true });
    installVsix(this.runDir, path.join(repoRoot, 'provider-desk.vsix'));
    installScriptedModel(this.runDir);
    if (locale) registerLanguagePack(path.join(this.runDir, 'ud'), locale, locale, path.join(repoRoot, 'test', 'fixtures', `vscode-core-${locale}.i18n.json`));
    this.heroku = await startFakeHeroku({ apps: 1500 });
    fs.mkdirSync(this.homeDir, { recursive: true });
    this.server = await startCodeServer({ runDir: this.runDir, folder: this.workspace, locale, env: { HOME: this.homeDir, [scriptFileVariable]: this.modelScriptFile } });
    this.browser = await launchChromium(this.runDir);
    this.currentPage = this.browser.pages()[0] ?? await this.browser.newPage();
    await this.open();
  }

  async open(): Promise<void> {
    await this.page.goto(`${this.server!.origin}/?folder=${encodeURIComponent(this.workspace)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await this.activityBarItem().waitFor({ timeout: 90_000 });
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'domcontentloaded', timeout: 120_000 });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await this.activityBarItem().waitFor({ timeout: 90_000 });
  }

  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.server?.stop();
    await this.heroku?.close();
  }

  activityBarItem(): Locator {
    return this.page.locator('.activitybar [aria-label^="Provider Desk"]').first();
  }

  /** Opens the Provider Desk view container (without toggling it closed when it is already open). */
  async openProvidersView(): Promise<Locator> {
    const title = this.page.locator('.part.sidebar .composite.title .title-label', { hasText: /Provider Desk/i }).first();
    // Right after a reload the workbench may still be restoring the container: a click then toggles it closed again,
    // so give the restore a moment and click until the title shows.
    for (let attempt = 1; !await title.waitFor({ timeout: attempt === 1 ? 3_000 : 10_000 }).then(() => true, () => false); attempt++) {
      if (attempt > 4) throw new Error('the Provider Desk view did not open');
      await this.activityBarItem().click();
    }
    return this.page.locator('.part.sidebar');
  }

  /** Runs a command from the palette; retries because right after a load contributions may not be registered yet. */
  async runCommand(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      // An editor that opens meanwhile (the walkthrough, a form) can take focus and close the palette: try again.
      const typed = await input.fill(`>${title}`, { timeout: 5_000 }).then(() => true, () => false);
      // The exact command, not the first fuzzy match ("Color Theme" also matches "Browse Color Themes…").
      const row = this.page.locator(`.quick-input-widget .monaco-list-row[aria-label^="${title}"]`).first();
      // The click can miss too: the palette may be closed by a focus change between finding the row and clicking it
      // (seen after the Settings editor). Playwright only gives up on a click it did not make, so trying again is safe.
      if (typed && await row.waitFor({ timeout: 5_000 }).then(() => true, () => false)
        && await row.click({ timeout: 5_000 }).then(() => true, () => false)) return;
      // Close a palette that is still open; when an editor took the focus and closed it, an Escape would go to that
      // editor instead (the walkthrough goes back to the Welcome page on Escape).
      if (await input.isVisible()) await this.page.keyboard.press('Escape');
      if (attempt >= 6) throw new Error(`command "${title}" is not in the palette`);
    }
  }

  /** Picks an entry of the open quick pick by its label. */
  async pickQuickItem(label: string): Promise<void> {
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
  }

  treeRow(label: string, level?: number): Locator {
    const tree = this.page.locator('.part.sidebar .monaco-list[role=tree]').first();
    const rows = tree.locator(level ? `.monaco-list-row[aria-level="${level}"]` : '.monaco-list-row');
    return rows.filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) }).first();
  }

  async treeRows(): Promise<string[]> {
    const rows = this.page.locator('.part.sidebar .monaco-list[role=tree] .monaco-list-row');
    return (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** Hovers a tree row so its inline actions appear, then clicks the one with this title. */
  async clickInlineAction(row: Locator, title: string): Promise<void> {
    await row.hover();
    const action = row.locator(`.actions .action-label[aria-label="${title}"]`);
    await action.waitFor({ timeout: 10_000 });
    await action.click();
  }

  /** The inner frame of the webview panel titled `title`. */
  async webview(title: string): Promise<Frame> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        if (await frame.frameElement().then((element) => element.getAttribute('title'), () => null) === title
          && await frame.locator('body').count() > 0) {
          return frame;
        }
      }
      await this.page.waitForTimeout(200);
    }
    throw new Error(`no webview titled "${title}"`);
  }

  /** Full text of an output channel, read from its log file: the panel only renders visible lines. */
  outputChannelText(channel: string): string {
    const logs = path.join(this.userDataDir, 'logs');
    const files = fs.existsSync(logs) ? fs.readdirSync(logs, { recursive: true }).map(String) : [];
    const match = files.filter((file) => file.includes('output_logging_') && file.endsWith(`-${channel}.log`)).sort().pop();
    return match ? fs.readFileSync(path.join(logs, match), 'utf8') : '';
  }

  /** Waits until an output channel's log holds `pattern`, e.g. a ticket scrolled out of the panel's view. */
  async waitForOutputChannel(channel: string, pattern: RegExp, timeout = 30_000): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const text = this.outputChannelText(channel);
      if (pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`the "${channel}" channel never matched ${pattern}; it ends with:\n${text.slice(-2_000)}`);
      await this.page.waitForTimeout(250);
    }
  }

  async outputPanelText(): Promise<string> {
    const raw = await this.page.locator('.part.panel .monaco-editor .view-lines').first().innerText().catch(() => '');
    return raw.replace(/\u00a0/g, ' ');
  }

  async waitForOutputPanel(needle: string, timeout = 30_000): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const text = await this.outputPanelText();
      if (text.replace(/\s+/g, ' ').includes(needle)) return text;
      if (Date.now() > deadline) throw new Error(`the Output panel never showed "${needle}"; it shows:\n${text}`);
      await this.page.waitForTimeout(250);
    }
  }

  /** The workbench's modal dialog (showWarningMessage with `modal: true`), once it is shown. */
  async modalDialog(): Promise<Locator> {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 20_000 });
    return dialog;
  }

  /** Waits for a notification (a toast, or headless an entry of the notification centre) and returns its text. */
  async notification(text: string | RegExp, timeout = 20_000): Promise<string> {
    const toast = this.page.locator('.notifications-toasts .notification-list-item', { hasText: text }).first();
    if (await toast.waitFor({ timeout: Math.min(timeout, 5_000) }).then(() => true, () => false)) return toast.innerText();
    await this.runCommand('Notifications: Show Notifications');
    const entry = this.page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
    await entry.waitFor({ timeout });
    const message = await entry.innerText();
    await this.runCommand('Notifications: Clear All Notifications');
    return message;
  }

  /** Turns a checkbox setting on or off in the Settings editor, as a person would, then closes the editor. */
  async setCheckboxSetting(id: string, checked: boolean): Promise<void> {
    await this.runCommand('Preferences: Open Settings (UI)');
    await this.page.locator('.settings-editor .settings-header .monaco-editor').first().click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(id);
    const checkbox = this.page.locator(`.settings-editor .setting-value-checkbox[aria-label="${id}"]`);
    await checkbox.waitFor({ timeout: 20_000 });
    if (await checkbox.getAttribute('aria-checked') !== String(checked)) await checkbox.click();
    await this.page.locator(`.settings-editor .setting-value-checkbox[aria-label="${id}"][aria-checked="${checked}"]`).waitFor();
    await this.runCommand('View: Close All Editors');
  }

  async setColorTheme(theme: 'Light Modern' | 'Dark Modern'): Promise<void> {
    await this.runCommand('Preferences: Color Theme');
    await this.page.locator(`.quick-input-widget .monaco-list-row[aria-label^="${theme}"]`).first().click();
    await this.page.locator(`.monaco-workbench.${theme.startsWith('Light') ? 'vs' : 'vs-dark'}`).waitFor({ timeout: 30_000 });
  }

  /** Expands a collapsed tree row by clicking its twistie, as a person would. */
  async expand(row: Locator): Promise<void> {
    await row.waitFor({ timeout: 30_000 });
    if (await row.getAttribute('aria-expanded') === 'false') await row.locator('.monaco-tl-twistie').click();
  }

  async screenshot(name: string): Promise<string> {
    const file = path.join(name.startsWith('failure-') ? path.join(repoRoot, 'test-results', 'screenshots') : screenshotDir, `${name}.png`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.currentPage?.screenshot({ path: file }).catch(() => undefined);
    return file;
  }
}

/** Picks an option of a vscode-elements single select inside a webview. */
export async function chooseOption(frame: Frame, selectSelector: string, option: string): Promise<void> {
  await frame.locator(`${selectSelector} .select-face`).click();
  await frame.locator(`${selectSelector} li[role=option]`, { hasText: option }).first().click();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const workbench = new Workbench();
