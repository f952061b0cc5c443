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
