// What a language model tool hands back: one JSON text within a token budget. A long list keeps the items that fit
// and says how many it left out; a long string from the API (a release description) is cut. Pure (no `vscode`), so
// the bounds are unit-tested; the caller redacts the text and counts tokens with the model's tokenizer when it can.
import * as l10n from '@vscode/l10n';
import { formatCount } from '../tickets/render';

/** Tokens a tool result may take unless the caller asks for fewer: about a page of JSON. */
export const defaultTokenBudget = 4_000;
/** Characters a single string value keeps. */
export const maxStringLength = 300;

export interface TokenBudget {
  readonly tokens: number;
  /** The model's count when the caller has one; else about 3 characters a token (JSON is dense in symbols). */
  count(text: string): number | PromiseLike<number>;
}

export const estimatedBudget = (tokens = defaultTokenBudget): TokenBudget => ({ tokens, count: (text) => Math.ceil(text.length / 3) });

/** A tool's answer: facts, and at most one list, which is what gets shortened. */
export interface ToolAnswer {
  readonly facts: Readonly<Record<string, unknown>>;
  readonly list?: { readonly key: string; readonly items: readonly unknown[] };
}

function clipped(_key: string, value: unknown): unknown {
  return typeof value === 'string' && value.length > maxStringLength ? `${value.slice(0, maxStringLength - 1)}…` : value;
}

function render(answer: ToolAnswer, shown: number): string {
  const { facts, list } = answer;
  if (list === undefined) return JSON.stringify(facts, clipped);
  const more = list.items.length - shown;
  const rest = more > 0 ? { more, note: l10n.t('…and {0} more not shown, to keep this answer short. Ask about fewer at a time.', formatCount(more)) } : {};
  return JSON.stringify({ ...facts, [list.key]: list.items.slice(0, shown), ...rest }, clipped);
}

/** The answer as JSON with as many list items as fit the budget (the facts alone when none fits). */
export async function boundedJson(answer: ToolAnswer, budget: TokenBudget): Promise<string> {
  const total = answer.list?.items.length ?? 0;
  const fits = async (shown: number): Promise<boolean> => (await budget.count(render(answer, shown))) <= budget.tokens;
  if (await fits(total)) return render(answer, total);
  // The longest prefix that fits: binary search, as each count may ask the model's tokenizer.
  let low = 0;
  let high = total - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (await fits(middle)) low = middle; else high = middle - 1;
  }
  return render(answer, low);
}
