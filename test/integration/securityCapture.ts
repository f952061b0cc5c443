// What the security suite sees of the extension from inside the extension host. The tests and the extension share
// one `vscode` API object (it is created per extension, and the tests live in the extension's folder), so wrapping
// `vscode.window.*` here captures what the extension shows: every notification, and every webview panel's HTML,
// every message posted to it and the listener its messages go to (so a test can post as the webview would).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export interface CapturedPanel {
  readonly viewType: string;
  readonly title: string;
  readonly html: string[];
  readonly posted: unknown[];
  /** Resolves once the extension has posted a message that matches. */
  waitForPosted(predicate: (message: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** Delivers a message as if the webview had posted it. */
  receive(message: unknown): void;
  readonly disposed: Promise<void>;
}

export interface Capture {
  readonly notifications: { level: 'error' | 'warning' | 'information'; message: string; items: unknown[] }[];
  /** The button a modal question gets (default its first); undefined is Cancel / Escape. */
  answerModal: (message: string, buttons: string[]) => string | undefined;
  readonly panels: CapturedPanel[];
  /** Resolves with the next panel the extension opens. */
  nextPanel(): Promise<CapturedPanel>;
  restore(): void;
}

type Listener = (message: unknown) => unknown;

/** Wraps the window functions the extension uses. Modal confirmations get `answerModal`'s button: the first by default. */
export function captureWindow(): Capture {
  const window = vscode.window as unknown as Record<string, unknown>;
  const originals = new Map<string, unknown>();
  const notifications: Capture['notifications'] = [];
  const panels: CapturedPanel[] = [];
  const panelWaiters: ((panel: CapturedPanel) => void)[] = [];

  const replace = (name: string, value: unknown): void => {
    originals.set(name, window[name]);
    window[name] = value;
  };

  const capture: Capture = {
    notifications,
    panels,
    answerModal: (_message, buttons) => buttons[0],
    nextPanel: () => new Promise((resolve) => { panelWaiters.push(resolve); }),
    restore: () => {
      for (const [name, value] of originals) window[name] = value;
      originals.clear();
    },
  };

  for (const [name, level] of [['showErrorMessage', 'error'], ['showWarningMessage', 'warning'], ['showInformationMessage', 'information']] as const) {
    replace(name, (message: string, ...rest: unknown[]) => {
      notifications.push({ level, message, items: rest });
      const modal = typeof rest[0] === 'object' && rest[0] !== null && (rest[0] as vscode.MessageOptions).modal === true;
      // A modal question gets answerModal's button; toasts are dismissed.
      return Promise.resolve(modal ? capture.answerModal(message, rest.filter((item): item is string => typeof item === 'string')) : undefined);
    });
  }
  // History: pick the first ticket.
  replace('showQuickPick', async (items: readonly unknown[] | Thenable<readonly unknown[]>) => (await items)[0]);

  const createWebviewPanel = window.createWebviewPanel as typeof vscode.window.createWebviewPanel;
  replace('createWebviewPanel', (...args: Parameters<typeof vscode.window.createWebviewPanel>) => {
    const panel = createWebviewPanel.apply(vscode.window, args);
    const webview = panel.webview;
    const html: string[] = [];
    const posted: unknown[] = [];
    const listeners: Listener[] = [];
    const postWaiters: { predicate: (message: Record<string, unknown>) => boolean; resolve: (message: Record<string, unknown>) => void }[] = [];
    const proto = Object.getPrototypeOf(webview) as object;
    const htmlAccessor = findDescriptor(proto, 'html');
    const onDidReceive = webview.onDidReceiveMessage;
    const postMessage = webview.postMessage;

    Object.defineProperty(webview, 'html', {
      configurable: true,
      get: () => htmlAccessor?.get?.call(webview) as string,
      set: (value: string) => {
        html.push(value);
        htmlAccessor?.set?.call(webview, value);
      },
    });
    Object.defineProperty(webview, 'postMessage', {
      configurable: true,
      value: (message: unknown) => {
        posted.push(structuredClone(message));
        for (const waiter of [...postWaiters]) {
          if (typeof message === 'object' && message !== null && waiter.predicate(message as Record<string, unknown>)) {
            postWaiters.splice(postWaiters.indexOf(waiter), 1);
            waiter.resolve(message as Record<string, unknown>);
          }
        }
        return postMessage.call(webview, message);
      },
    });
    Object.defineProperty(webview, 'onDidReceiveMessage', {
      configurable: true,
      value: (listener: Listener, thisArgs?: unknown, disposables?: vscode.Disposable[]) => {
        const bound: Listener = (message) => listener.call(thisArgs, message);
        listeners.push(bound);
        return onDidReceive.call(webview, bound, undefined, disposables);
      },
    });

    const disposed = new Promise<void>((resolve) => { panel.onDidDispose(() => resolve()); });
    const captured: CapturedPanel = {
      viewType: args[0],
      title: args[1],
      html,
      posted,
      disposed,
      waitForPosted: (predicate) => {
        const found = posted.find((message) => typeof message === 'object' && message !== null && predicate(message as Record<string, unknown>));
        if (found) return Promise.resolve(found as Record<string, unknown>);
        return new Promise((resolve) => { postWaiters.push({ predicate, resolve }); });
      },
      receive: (message) => {
        for (const listener of listeners) listener(message);
      },
    };
    panels.push(captured);
    for (const waiter of panelWaiters.splice(0)) waiter(captured);
    return panel;
  });

  return capture;
}

function findDescriptor(object: object | null, key: string): PropertyDescriptor | undefined {
  for (let current = object; current; current = Object.getPrototypeOf(current) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(current, key);
    if (descriptor) return descriptor;
  }
  return undefined;
}

/**
 * Resolves once `file` exists and contains `marker`. Event-driven (fs.watch on its folder, checked on every change);
 * rejects after `timeoutMs` with what the file holds, so a missing flush fails the test instead of hanging it.
 */
export function waitForFileContaining(file: string, marker: string, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const read = (): string | undefined => {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    };
    const pending: { watcher?: fs.FSWatcher; timer?: NodeJS.Timeout } = {};
    const finish = (error: Error | undefined, text?: string): void => {
      pending.watcher?.close();
      if (pending.timer) clearTimeout(pending.timer);
      if (error) reject(error); else resolve(text!);
    };
    const check = (): boolean => {
      const text = read();
      if (text?.includes(marker)) {
        finish(undefined, text);
        return true;
      }
      return false;
    };
    if (check()) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    pending.watcher = fs.watch(path.dirname(file), () => { check(); });
    pending.timer = setTimeout(() => finish(new Error(`${file} did not come to contain "${marker}" within ${timeoutMs} ms; it holds:\n${(read() ?? '(missing)').slice(-2000)}`)), timeoutMs);
    // A change between the first check and the watch starting is not lost.
    check();
  });
}

/** Files under `dir` whose name matches, at any depth. */
export function findFiles(dir: string, pattern: RegExp): string[] {
  const found: string[] = [];
  const visit = (entry: string): void => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(entry);
    } catch {
      return;
    }
    if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
    else if (stat.isFile() && pattern.test(path.basename(entry))) found.push(entry);
  };
  visit(dir);
  return found;
}
