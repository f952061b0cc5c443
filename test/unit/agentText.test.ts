import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { agentInstructions, apiCallsList, providerDeskToolTag, scopeNamedIn, toolProgress } from '../../src/agents/agentText';
import { isFreeFormQuestion } from '../../src/agents/chatRequest';
import { bindToolInput, schemaForModel } from '../../src/agents/toolInput';

const appsSchema = { type: 'object', properties: { scope: { type: 'string' } }, required: ['scope'] };
const releasesSchema = {
  type: 'object',
  properties: { scope: { type: 'string' }, app: { type: 'string' }, count: { type: 'integer' }, order: { type: 'string', enum: ['newest', 'oldest'] } },
  required: ['scope', 'app'],
};

describe('@providerdesk agent: which scope a question names', () => {
  const names = ['heroku-apps', 'Blue Team', 'Blue Team EU', 'eu'];

  it('finds a scope name anywhere, whatever its case, as a whole word', () => {
    assert.equal(scopeNamedIn('which apps in blue team are on heroku-22?', names), 'Blue Team');
    assert.equal(scopeNamedIn('heroku-apps: what changed this week?', names), 'heroku-apps');
    assert.equal(scopeNamedIn('what runs in "Blue Team EU"?', names), 'Blue Team EU', 'the longest name wins');
    assert.equal(scopeNamedIn('compare eu and heroku-apps', names), 'heroku-apps', 'the longest name wins');
    assert.equal(scopeNamedIn('which apps does heroku-apps have?', ['apps', 'heroku-apps']), 'heroku-apps', 'a scope named like a common word loses');
    assert.equal(scopeNamedIn('compare staging and eu-prod', ['eu-prod', 'staging']), 'staging', 'the first of equally long names wins');
  });

  it('does not find a name inside a longer word or name', () => {
    assert.equal(scopeNamedIn('which europe apps cost most?', names), undefined);
    assert.equal(scopeNamedIn('my-heroku-apps-2 releases', names), undefined);
    assert.equal(scopeNamedIn('which add-ons cost the most?', names), undefined);
    assert.equal(scopeNamedIn('anything', ['', '  ']), undefined);
  });

  it('a free-form question is anything but a slash command, an empty message or "help"', () => {
    for (const prompt of ['which apps are on heroku-22?', 'what can you do?', 'hello']) assert.equal(isFreeFormQuestion(prompt), true, prompt);
    for (const prompt of ['', '  ', 'help', 'Help?', '?']) assert.equal(isFreeFormQuestion(prompt), false, prompt);
    assert.equal(isFreeFormQuestion('Production', 'apps'), false);
  });
});

describe('@providerdesk agent: tool input', () => {
  it('the model sees the schema without the scope, which the agent fills in', () => {
    assert.deepEqual(schemaForModel(appsSchema), { type: 'object', properties: {}, required: [] });
    assert.deepEqual(schemaForModel(releasesSchema).required, ['app']);
    assert.deepEqual(schemaForModel(undefined), { type: 'object', properties: {}, required: [] });
  });

  it('fills in or replaces the scope with the bound one', () => {
    assert.deepEqual(bindToolInput(appsSchema, {}, 'Blue Team'), { ok: true, input: { scope: 'Blue Team' } });
    assert.deepEqual(bindToolInput(appsSchema, { scope: 'production' }, 'Blue Team'), { ok: true, input: { scope: 'Blue Team' } });
    assert.deepEqual(bindToolInput(releasesSchema, { app: 'web', count: 5, order: 'newest' }, 's'), { ok: true, input: { app: 'web', count: 5, order: 'newest', scope: 's' } });
    assert.deepEqual(bindToolInput({ type: 'object', properties: {} }, { scope: 'x' }, 's'), { ok: true, input: {} }, 'a tool without a scope gets none');
  });

  it('refuses input that is not an object, unknown or mistyped properties and missing ones, saying what to send', () => {
    const refused = (schema: object, input: unknown): string => {
      const bound = bindToolInput(schema, input, 's');
      assert.equal(bound.ok, false, JSON.stringify(input));
      return bound.ok ? '' : bound.error;
    };
    assert.equal(refused(appsSchema, 'all of them'), 'The input must be a JSON object.');
    assert.equal(refused(appsSchema, [1]), 'The input must be a JSON object.');
    assert.equal(refused(appsSchema, null), 'The input must be a JSON object.');
    assert.equal(refused(appsSchema, { limit: 10 }), 'Unknown input property "limit". The tool takes: no input.');
    assert.equal(refused(releasesSchema, { app: 'web', limit: 10 }), 'Unknown input property "limit". The tool takes: app, count, order.');
    assert.equal(refused(releasesSchema, { app: 'web', count: 'ten' }), 'Input property "count" must be of type integer.');
    assert.equal(refused(releasesSchema, { app: 'web', count: 1.5 }), 'Input property "count" must be of type integer.');
    assert.equal(refused(releasesSchema, { app: 'web', order: 'random' }), 'Input property "order" must be one of: "newest", "oldest".');
    assert.equal(refused(releasesSchema, {}), 'Missing input: app.');
  });
});

describe('@providerdesk agent: texts', () => {
  it('tells the model the bound scope, provider and host as JSON strings', () => {
    const text = agentInstructions({ name: 'Blue "Team"', providerName: 'Heroku', host: 'https://api.heroku.com' });
    assert.ok(text.includes('Provider Desk scope "Blue \\"Team\\"" (provider "Heroku",\nAPI host "https://api.heroku.com")'), text);
  });

  it('progress names the scope, and the other inputs of tools it has no sentence for', () => {
    assert.equal(toolProgress({ name: 'providerDesk_releases', input: { scope: 's', app: 'web', count: 5 } }, 's'), 'Calling providerDesk_releases (app "web", count 5) for s…');
    assert.equal(toolProgress({ name: 'providerDesk_account', input: { scope: 's' } }, 'line\nbreak'), 'Calling providerDesk_account for line break…');
  });

  it('lists the API calls as code, the failed ones marked', () => {
    assert.equal(apiCallsList([
      { name: 'providerDesk_listHerokuApps', input: { scope: 'a`b' }, failed: false },
      { name: 'providerDesk_releases', input: { scope: 'a`b', app: 'web' }, failed: true },
    ], 'a`b'), 'API calls (scope **a\\`b**):\n- ``providerDesk_listHerokuApps {"scope":"a`b"}``\n- ``providerDesk_releases {"scope":"a`b","app":"web"}`` (failed)');
    assert.equal(apiCallsList([], 'heroku-apps'), 'No API calls were made (scope **heroku\\-apps**).');
  });

  it('every Provider Desk tool in package.json carries the tag the agent offers the model', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as
      { contributes: { languageModelTools: { name: string; tags?: string[] }[] } };
    const untagged = manifest.contributes.languageModelTools.filter((tool) => !tool.tags?.includes(providerDeskToolTag)).map((tool) => tool.name);
    assert.deepEqual(untagged, []);
  });
});
