import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The VSIX carries only the codicons listed in scripts/webviewIcons.json (font cut down by scripts/subset-codicons.py,
// CSS rules filtered by scripts/build.mjs): every icon the form webview names must be among them.
describe('codicons of the form webview', () => {
  it('lists every icon the webview uses', () => {
    const listed = new Set(JSON.parse(fs.readFileSync('scripts/webviewIcons.json', 'utf8')) as string[]);
    const used = new Set<string>();
    for (const file of fs.readdirSync('src/webview').filter((name) => name.endsWith('.ts'))) {
      for (const line of fs.readFileSync(path.join('src/webview', file), 'utf8').split('\n')) {
        const at = line.search(/\bicon\b\s*[:=]|'vscode-icon', \{ name:/);
        if (at < 0) continue;
        for (const match of line.slice(at).matchAll(/'([a-z0-9-]+)'(?!:)/g)) if (match[1] !== 'vscode-icon') used.add(match[1]!);
      }
    }
    assert.ok(used.size >= 5, `found only ${[...used].join(', ')}`);
    assert.deepStrictEqual([...used].filter((name) => !listed.has(name)), []);
  });

  it('has the font cut down to exactly those icons', () => {
    const css = fs.readFileSync('node_modules/@vscode/codicons/dist/codicon.css', 'utf8');
    const listed = JSON.parse(fs.readFileSync('scripts/webviewIcons.json', 'utf8')) as string[];
    for (const name of listed) assert.match(css, new RegExp(`\\.codicon-${name}:before \\{ content: "\\\\[0-9a-f]+" \\}`), `no codicon ${name}`);
    assert.ok(fs.statSync('media/codicons/codicon.ttf').size < 10_000, 'media/codicons/codicon.ttf is not the cut-down font');
  });
});
