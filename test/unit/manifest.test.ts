import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandIds as commandIdsInCode, internalCommandIds } from '../../src/model/commandIds';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const contributes = manifest.contributes;
const commandIds = new Set<string>(contributes.commands.map((command: { command: string }) => command.command));

/** The categories VS Code's manifest schema and the Marketplace accept. */
const marketplaceCategories = new Set(['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs',
  'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages',
  'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization']);

/** Width and height from a PNG's IHDR chunk, which the format requires right after the 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.deepStrictEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
  assert.strictEqual(bytes.toString('latin1', 12, 16), 'IHDR', 'the PNG does not start with its IHDR chunk');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function placeholders(value: unknown): string[] {
  const text = JSON.stringify(value);
  return [...text.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!);
}

describe('package.json contributions', () => {
  it('every command has a category and a codicon, and its title is localised', () => {
    for (const command of contributes.commands) {
      assert.match(command.title, /^%command\.\w+%$/, `${command.command} title is not in package.nls.json`);
      assert.strictEqual(command.category, '%category%', `${command.command} has no category`);
      assert.match(command.icon, /^\$\([a-z-]+\)$/, `${command.command} has no codicon`);
    }
  });

  it('every %placeholder% resolves in package.nls.json', () => {
    const missing = placeholders(contributes).filter((key) => !(key in nls));
    assert.deepStrictEqual(missing, []);
  });

  it('menus and keybindings only name contributed commands', () => {
    const used = [
      ...Object.values(contributes.menus as Record<string, { command: string }[]>).flat().map((entry) => entry.command),
      ...contributes.keybindings.map((binding: { command: string }) => binding.command),
    ];
    assert.deepStrictEqual(used.filter((command) => !commandIds.has(command)), []);
  });

  it('src/model/commandIds.ts names exactly the contributed commands, and its internal ones are not contributed', () => {
    assert.deepStrictEqual(Object.values(commandIdsInCode).sort(), [...commandIds].sort());
    assert.deepStrictEqual(Object.values(internalCommandIds).filter((command) => commandIds.has(command)), []);
  });

  it('commands that need a tree node are hidden from the palette', () => {
    const hidden = contributes.menus.commandPalette.filter((entry: { when: string }) => entry.when === 'false').map((entry: { command: string }) => entry.command);
    assert.deepStrictEqual(hidden, ['providerDesk.rename']);
  });

  it('the Connect Heroku walkthrough: every step has media that ships, a completion event, and buttons that run real commands', () => {
    const [walkthrough] = contributes.walkthroughs;
    assert.strictEqual(nls[walkthrough.title.slice(1, -1)], 'Connect Heroku');
    assert.strictEqual(walkthrough.steps.length, 6);
    for (const step of walkthrough.steps) {
      assert.ok(fs.existsSync(path.join(root, step.media.markdown)), `${step.id}: ${step.media.markdown} is missing`);
      assert.ok(step.completionEvents.length >= 1, `${step.id} has no completion event`);
      const description = nls[step.description.slice(1, -1)]!;
      for (const [, command] of description.matchAll(/\(command:([\w.]+)\)/g)) {
        assert.ok(commandIds.has(command!), `${step.id} runs ${command}, which is not contributed`);
      }
    }
    const getToken = nls['walkthrough.getToken.description']!;
    assert.match(getToken, /Account Settings → API Key → Reveal/);
    assert.match(getToken, /heroku auth:token/);
  });
});

describe('package.json for the Marketplace', () => {
  it('engines.vscode is the @types/vscode version the code is checked against', () => {
    const types = manifest.devDependencies['@types/vscode'] as string;
    assert.match(types, /^\d+\.\d+\.\d+$/, '@types/vscode is not pinned to one version');
    assert.strictEqual(manifest.engines.vscode, `^${types}`);
    // Language model tools (contributes.languageModelTools, vscode.lm.registerTool) are stable since 1.95.
    const [major, minor] = types.split('.').map(Number) as [number, number];
    assert.ok(major > 1 || minor >= 95, `VS Code ${types} has no stable language model tools`);
  });

  it('the language model tool and chat APIs are typed by @types/vscode, not by hand-written shims', () => {
    const agents = fs.readdirSync(path.join(root, 'src', 'agents'));
    assert.deepStrictEqual(agents.filter((file) => /^(lm|chat)Types\.ts$/.test(file)), []);
  });

  it('its categories describe it: a chat participant and a language model tool, and not Azure', () => {
    assert.deepStrictEqual(manifest.categories, ['AI', 'Chat', 'Other']);
    for (const category of manifest.categories) assert.ok(marketplaceCategories.has(category), `${category} is not a Marketplace category`);
  });

  it('its icon is a 128×128 PNG (test/ui/00-package checks that the VSIX ships it)', () => {
    assert.strictEqual(manifest.icon, 'media/provider-desk.png');
    assert.deepStrictEqual(pngSize(fs.readFileSync(path.join(root, manifest.icon))), { width: 128, height: 128 });
  });
});
