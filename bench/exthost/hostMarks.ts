// VS Code's performance marks in the extension host (code/extHost/willLoadExtensionCode/<extension id> and the like),
// read by the open task (index.ts) and related to the click by bench/lib/openView.ts.

export interface HostMark {
  name: string;
  /** Epoch ms. */
  startTime: number;
}

/**
 * The marks so far: they live on a global the whole host shares (src/vs/base/common/performance.ts in VS Code), and
 * in Node their times are epoch milliseconds.
 */
export function extensionHostMarks(): HostMark[] {
  const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): HostMark[] } }).MonacoPerformanceMarks;
  return (marks?.getMarks() ?? []).filter((mark) => mark.name.startsWith('code/extHost/'));
}

/** When VS Code marked `kind` (e.g. `didLoadExtensionCode`) for the extension, epoch ms; undefined without the mark. */
export function hostMarkTime(marks: readonly HostMark[], kind: string, extensionId: string): number | undefined {
  return marks.find((mark) => mark.name === `code/extHost/${kind}/${extensionId}`)?.startTime;
}

/**
 * From the extension's code loaded to activate() called: VS Code loads the code and the extension's context at once,
 * and the context waits for the extension's globalState from the workbench. Undefined without both marks.
 */
export function contextWaitMs(marks: readonly HostMark[], extensionId: string): number | undefined {
  const loaded = hostMarkTime(marks, 'didLoadExtensionCode', extensionId);
  const called = hostMarkTime(marks, 'willActivateExtension', extensionId);
  return loaded === undefined || called === undefined ? undefined : called - loaded;
}
