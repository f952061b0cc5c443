import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../scripts/vscode/codeServer';

describe('The packaged VSIX', () => {
  const vsix = path.join(repoRoot, 'provider-desk.vsix');

  it('is small and holds the bundle, its translations and icon, not sources, tests or maps', () => {
    const size = fs.statSync(vsix).size;
    assert.ok(size < 1024 * 1024, `VSIX is ${size} bytes`);
    const listing = execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix], { encoding: 'utf8' });
    const files = listing.trim().split('\n');
    assert.ok(files.includes('extension/dist/extension.js'), 'no extension bundle');
    assert.ok(files.includes('extension/dist/webview/main.js'), 'no webview bundle');
    // Every built file ships: the bundles load some of theirs on demand (dist/heroku.js, dist/webview/zod.js, the
    // form's checks in dist/webview/chunks/) or share them (dist/l10n.js).
    const built = (fs.readdirSync(path.join(repoRoot, 'dist'), { recursive: true }) as string[])
      .map((file) => `dist/${file.split(path.sep).join('/')}`)
      .filter((file) => !file.endsWith('.map') && fs.statSync(path.join(repoRoot, file)).isFile());
    for (const shared of ['dist/heroku.js', 'dist/l10n.js', 'dist/webview/zod.js', 'dist/webview/chunks/validation.js']) assert.ok(built.includes(shared), built.join(', '));
    assert.deepStrictEqual(built.filter((file) => !files.includes(`extension/${file}`)), [], 'built files missing from the VSIX');
    assert.ok(files.includes('extension/package.nls.json'), 'no package.nls.json');
    const { icon } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { icon: string };
    assert.ok(files.includes(`extension/${icon}`), `the Marketplace icon ${icon} is not in the VSIX`);
    // Every bundle and manifest translation in the repository ships (VS Code reads them from the installed extension);
    // the English bundle does not: it is what translators start from, and VS Code only ever loads
    // bundle.l10n.<language>.json (English texts are the ones in the code).
    assert.ok(!files.includes('extension/l10n/bundle.l10n.json'), 'the English source bundle ships');
    const translations = [...fs.readdirSync(path.join(repoRoot, 'l10n')).filter((file) => file !== 'bundle.l10n.json').map((file) => `l10n/${file}`),
      ...fs.readdirSync(repoRoot).filter((file) => /^package\.nls\.[\w-]+\.json$/.test(file))];
    assert.ok(translations.includes('l10n/bundle.l10n.de.json') && translations.includes('package.nls.de.json'), translations.join(', '));
    assert.deepStrictEqual(translations.filter((file) => !files.includes(`extension/${file}`)), [], 'translations missing from the VSIX');
    const unwanted = files.filter((file) => /\.(ts|map)$|(^|\/)(src|test|node_modules|scripts|docs)\//.test(file.replace(/^extension\//, '')));
    assert.deepStrictEqual(unwanted, []);
  });

  // A static import in the form's script is a second request the page waits for before it runs (scripts/build.mjs).
  it('runs the form from one script: dist/webview/main.js imports its checks only dynamically', () => {
    const script = fs.readFileSync(path.join(repoRoot, 'dist', 'webview', 'main.js'), 'utf8');
    assert.deepStrictEqual(script.match(/\b(?:from|import)\s*["'][^"']+["']/g) ?? [], [], 'main.js imports files statically');
    assert.deepStrictEqual(script.match(/\bimport\(\s*["'][^"']+["']\s*\)/g), ['import("./chunks/validation.js")']);
  });
});
