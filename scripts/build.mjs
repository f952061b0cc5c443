// Bundles the extension (Node, CommonJS, `vscode` external) and the webview (browser, with
// @vscode-elements/elements) with esbuild, and copies the codicon font the webview controls use.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

rmSync('dist', { recursive: true, force: true });
if (tests) rmSync('out', { recursive: true, force: true });
mkdirSync('dist/webview', { recursive: true });
// Only the codicons the form uses (scripts/webviewIcons.json): the full font was ~60 KB of the VSIX. The font is
// cut down by scripts/subset-codicons.py into media/codicons/; the CSS keeps its rules for those icons only.
const webviewIcons = new Set(JSON.parse(readFileSync('scripts/webviewIcons.json', 'utf8')));
const codiconCss = readFileSync('node_modules/@vscode/codicons/dist/codicon.css', 'utf8')
  .replace(/^\.codicon-([a-z0-9-]+):before \{ content: "\\[0-9a-f]+" \}\n/gm, (rule, name) => (webviewIcons.has(name) ? rule : ''));
writeFileSync('dist/webview/codicon.css', codiconCss);
cpSync('media/codicons/codicon.ttf', 'dist/webview/codicon.ttf');

// zod re-exports every locale as a namespace (`z.locales`), which keeps ~260 KB of translated messages in each bundle
// although only English is used (zod registers it from locales/en.js itself). Resolve that namespace to English only.
// zod is loaded with require() where it is used (src/model/lazySchema.ts), which would pick its CommonJS build: take
// the ES module build as for an import, so it is tree-shaken and the locale rule below applies.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^zod$/ }, (args) => (args.kind === 'require-call' ? build.resolve('zod', { kind: 'import-statement', resolveDir: args.resolveDir }) : undefined));
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`) ? { path: path.join(path.dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: path.dirname(args.path),
    }));
  },
};

// One zod for the extension host and the form, built once into dist/webview/zod.js (the webview may load only from
// dist/webview): the host require()s it on first use (src/model/lazySchema.ts), so that loading dist/extension.js does
// not even compile zod's code (that took most of the extension's load time); the form's checks import it as a script
// that leaves zod on a global. The webview's own copy of zod was 58 KB of the 252 KB VSIX.
const sharedZodGlobal = 'providerDeskZod';
const zodApart = {
  name: 'zod-apart',
  setup(build) {
    build.onResolve({ filter: /^zod$/ }, () => ({ path: './webview/zod.js', external: true }));
  },
};

// In the webview, `zod` is a module that imports the shared file and hands out what it left on the global. The path
// is relative to dist/webview/chunks/, where the form's checks are split to; the build fails if it lands elsewhere.
const zodFromSharedFile = {
  name: 'zod-from-shared-file',
  setup(build) {
    build.onResolve({ filter: /^zod$/ }, () => ({ path: 'zod', namespace: 'zod-shared' }));
    build.onResolve({ filter: /^\.\.\/zod\.js$/, namespace: 'zod-shared' }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'zod-shared' }, () => ({
      contents: `import '../zod.js'; export const { z, config } = globalThis.${sharedZodGlobal};`,
      loader: 'js',
    }));
    build.onEnd((result) => {
      const misplaced = Object.entries(result.metafile?.outputs ?? {})
        .filter(([file, output]) => output.inputs['zod-shared:zod'] && path.dirname(file) !== 'dist/webview/chunks');
      if (misplaced.length > 0) throw new Error(`the shared zod import landed in ${misplaced.map(([file]) => file).join(', ')}, not in dist/webview/chunks/`);
    });
  },
};

// The form's checks (src/webview/validation.ts, which brings zod) are a file of their own that formView.ts imports once
// the form is shown: dist/webview/chunks/validation.js. Not an esbuild split: the code both sides use went into a
// third chunk that main.js imported statically, a second request the page waited for, after main.js, before it could
// run (in the benchmark's forms it arrived 31-70 ms after main.js). Each file now has its own copy (~3 KB).
const checksApart = {
  name: 'checks-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/validation\.js$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './chunks/validation.js', external: true } : undefined));
  },
};

// esbuild turns every `import * as x from 'm'` of a CommonJS module into its own `__toESM(require("m"))`, a fresh copy
// of all of the module's properties per importing module, at load time: 24 for `vscode`, 37 for `@vscode/l10n`. Route
// those imports through one bundled module that re-exports the module once; `requirePath` is what that module
// require()s when the module itself is not bundled.
function importedOnce(name, { requirePath }) {
  const namespace = `${name}-once`;
  return {
    name: namespace,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`) }, (args) =>
        (args.namespace !== namespace ? { path: name, namespace } : { path: requirePath, external: true }));
      build.onLoad({ filter: /.*/, namespace }, () => ({ contents: `export * from '${name}';`, loader: 'js', resolveDir: process.cwd() }));
    },
  };
}

// The Heroku client (src/heroku/, which imports nothing of ours) and node-fetch under it are a bundle of their own,
// dist/heroku.js, that src/connection/herokuConnection.ts require()s with the first connection: in dist/extension.js
// they were a third of what VS Code compiles when it loads the extension (plain Node: ~25 → ~18 ms), for code that
// opening the view never runs. Type imports of it are erased; a static import of its values would bundle it again.
const herokuApart = {
  name: 'heroku-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/heroku$/ }, (args) => (args.kind === 'require-call' ? { path: './heroku.js', external: true } : undefined));
  },
};

// Both bundles translate through @vscode/l10n, which keeps the bundle activate() configures in module state: it is one
// module, dist/l10n.js, that both require.
const l10nShared = importedOnce('@vscode/l10n', { requirePath: './l10n.js' });

const common = { plugins: [zodEnglishOnly], bundle: true, minify: production, sourcemap: !production, logLevel: 'warning', legalComments: 'none' };
// What the extension host loads: CommonJS, `vscode` from the host, zod and @vscode/l10n from their shared files.
const hostBundle = {
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  // fetch-blob (under node-fetch) requires this polyfill only on Node < 16.5; every VS Code extension host is newer.
  plugins: [zodApart, ...common.plugins, importedOnce('vscode', { requirePath: 'vscode' }), l10nShared],
  external: ['vscode', 'web-streams-polyfill/*'],
};
// What the form's page loads: ES modules for the browser, into dist/webview (the webview's only resource root).
const webviewBundle = { ...common, outdir: 'dist/webview', metafile: true, platform: 'browser', format: 'esm', target: 'es2022' };
const contexts = await Promise.all([
  esbuild.context({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    ...hostBundle,
    plugins: [herokuApart, ...hostBundle.plugins],
  }),
  esbuild.context({
    ...common,
    entryPoints: ['src/heroku/index.ts'],
    outfile: 'dist/heroku.js',
    ...hostBundle,
  }),
  esbuild.context({
    ...common,
    stdin: { contents: "export * from '@vscode/l10n';", resolveDir: '.', sourcefile: 'l10n.js' },
    outfile: 'dist/l10n.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
  }),
  esbuild.context({
    ...common,
    stdin: { contents: "export * from 'zod';", resolveDir: '.', sourcefile: 'zod.js' },
    outfile: 'dist/webview/zod.js',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'iife',
    globalName: sharedZodGlobal,
    // Required by the host (CommonJS: `module` exists), imported by the webview (a module: set the global).
    footer: { js: `if(typeof module==="object"&&module.exports)module.exports=${sharedZodGlobal};else globalThis.${sharedZodGlobal}=${sharedZodGlobal};` },
    target: ['node18', 'es2022'],
  }),
  esbuild.context({
    ...webviewBundle,
    entryPoints: ['src/webview/main.ts'],
    plugins: [checksApart, zodFromSharedFile],
  }),
  esbuild.context({
    ...webviewBundle,
    entryPoints: { 'chunks/validation': 'src/webview/validation.ts' },
    plugins: [zodFromSharedFile],
  }),
  // Integration tests run inside the extension host: one file per suite, mocha and vscode from the host.
  ...(!tests ? [] : [esbuild.context({
    ...common,
    minify: false,
    entryPoints: ['test/integration/**/*.ts'],
    outdir: 'out/test/integration',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode', 'mocha'],
  }),
  // The test-only language model extension (test/fixtures/scripted-model), loaded next to Provider Desk by the
  // integration harness: its manifest and one bundle.
  esbuild.context({
    ...common,
    minify: false,
    entryPoints: ['test/fixtures/scripted-model/extension.ts'],
    outfile: 'out/test/scripted-model/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
  })]),
]);
if (tests) cpSync('test/fixtures/scripted-model/package.json', 'out/test/scripted-model/package.json');

if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
