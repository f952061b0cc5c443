// The switchable faults: which request gets which one, in the order they were added, and the oversized bodies that
// the `huge` fault sends.
import { textOf, type Page } from './pagination';
import type { FaultHandle, FaultRule, RecordedRequest } from './types';

interface ActiveFault {
  readonly rule: FaultRule;
  skip: number;
  remaining: number;
  hits: number;
}

export class FaultList {
  private faults: ActiveFault[] = [];

  /** Adds a fault; earlier faults take precedence over later ones for the same request. */
  add(rule: FaultRule): FaultHandle {
    const active: ActiveFault = { rule, skip: rule.skip ?? 0, remaining: rule.times ?? Infinity, hits: 0 };
    this.faults.push(active);
    return {
      get hits() { return active.hits; },
      get remaining() { return active.remaining; },
      clear: () => { this.faults = this.faults.filter((item) => item !== active); },
    };
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault that answers this request, counting it as used; undefined when the request goes through normally. */
  pick(entry: RecordedRequest): FaultRule | undefined {
    for (const active of this.faults) {
      const { path } = active.rule;
      if (path !== undefined && (typeof path === 'string' ? path !== entry.path : !path.test(entry.path))) continue;
      if (active.remaining <= 0) continue;
      if (active.skip > 0) {
        active.skip--;
        continue;
      }
      active.remaining--;
      active.hits++;
      return active.rule;
    }
    return undefined;
  }
}

/** Builds the `huge` fault's body from the normal answer; the last one is kept, as a test usually asks for it again. */
export class HugeBodies {
  private cached: { key: string; body: Buffer } | undefined;

  body(page: Page, bytes: number): Buffer {
    const text = textOf(page);
    const key = `${bytes}:${text.slice(0, 200)}`;
    if (this.cached?.key === key) return this.cached.body;
    let body: string;
    if (text.startsWith('[')) {
      const items = JSON.parse(text) as unknown[];
      const element = JSON.stringify(items[0] ?? { padding: 'x'.repeat(1000) });
      const count = Math.max(1, Math.ceil(bytes / (element.length + 1)));
      body = `[${new Array<string>(count).fill(element).join(',')}]`;
    } else {
      body = `${text.slice(0, -1)},"padding":"${'x'.repeat(bytes)}"}`;
    }
    this.cached = { key, body: Buffer.from(body) };
    return this.cached.body;
  }
}
