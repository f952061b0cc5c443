import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const contributes = manifest.contributes;
const commandIds = new Set<string>(contributes.commands.map((command: { command: string }) => command.command));

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
