// The language model tools' answers stay within a token budget: a long list keeps the items that fit and says how
// many it left out ("…and 1,812 more"), a long string is cut, and a caller's own token count is honoured.
import * as assert from 'node:assert/strict';
import { boundedJson, defaultTokenBudget, estimatedBudget, maxStringLength, type TokenBudget } from '../../src/agents/toolOutput';

const apps = (count: number) => Array.from({ length: count }, (_, index) => ({ name: `app-${String(index + 1).padStart(5, '0')}`, region: 'us', stack: 'heroku-24' }));

describe('language model tool output: bounded JSON', () => {
  it('a short answer comes back whole, without a count of the rest', async () => {
    const json = JSON.parse(await boundedJson({ facts: { scope: 'prod', count: 3 }, list: { key: 'apps', items: apps(3) } }, estimatedBudget())) as Record<string, unknown>;
    assert.deepEqual(json, { scope: 'prod', count: 3, apps: apps(3) });
  });

  it('a long list keeps the first items that fit, and says how many more there are', async () => {
    const budget = estimatedBudget();
    const text = await boundedJson({ facts: { scope: 'prod', count: 2000 }, list: { key: 'apps', items: apps(2000) } }, budget);
    const json = JSON.parse(text) as { count: number; apps: unknown[]; more: number; note: string };
    assert.ok(await budget.count(text) <= defaultTokenBudget, `${text.length} characters`);
    assert.ok(json.apps.length > 50 && json.apps.length < 2000, `${json.apps.length} apps shown`);
    assert.deepEqual(json.apps, apps(json.apps.length));
    assert.equal(json.more, 2000 - json.apps.length);
    assert.match(json.note, new RegExp(`…and ${json.more.toLocaleString('en-US')} more not shown`));
    assert.equal(json.count, 2000);
    // One more item would not have fit.
    const withOneMore = JSON.stringify({ ...json, apps: apps(json.apps.length + 1), more: json.more - 1 });
    assert.ok(await budget.count(withOneMore) > defaultTokenBudget);
  });

  it('honours the caller\'s token budget and count, even an asynchronous one', async () => {
    const counted: number[] = [];
    const words: TokenBudget = { tokens: 100, count: async (text) => { counted.push(text.length); return text.split(/[",:{}[\]]+/).length; } };
    const text = await boundedJson({ facts: { app: 'a' }, list: { key: 'names', items: apps(500).map((app) => app.name) } }, words);
    assert.ok(await words.count(text) <= 100);
    assert.ok(counted.length < 20, `${counted.length} counts for 500 items`);
    assert.equal((JSON.parse(text) as { more: number }).more > 400, true);
  });

  it('gives the facts alone when not even one item fits, and facts without a list as they are', async () => {
    const json = JSON.parse(await boundedJson({ facts: { app: 'a' }, list: { key: 'names', items: ['x'.repeat(200)] } }, estimatedBudget(20))) as Record<string, unknown>;
    assert.deepEqual(json.names, []);
    assert.equal(json.more, 1);
    assert.deepEqual(JSON.parse(await boundedJson({ facts: { account: { email: 'a@example.com' } } }, estimatedBudget())), { account: { email: 'a@example.com' } });
  });

  it(`cuts every string from the API to ${maxStringLength} characters`, async () => {
    const long = 'd'.repeat(5000);
    const json = JSON.parse(await boundedJson({ facts: { app: long }, list: { key: 'releases', items: [{ description: long }] } }, estimatedBudget())) as { app: string; releases: { description: string }[] };
    assert.equal(json.app.length, maxStringLength);
    assert.ok(json.app.endsWith('…'));
    assert.equal(json.releases[0]!.description.length, maxStringLength);
  });
});
