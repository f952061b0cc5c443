// Bundles the benchmark's child programs and its extension-host script with esbuild, into the work folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { benchDir, buildDir, repoRoot, stageDir, workDir } from './paths';

export interface ChildBundles {
  /** Provider Desk's client + renderTicket, minified like the shipped extension bundle. */
  providerDesk: string;
  /** The same, not minified: every module keeps its `// src/...` comment, for attributing CPU profiles. */
  providerDeskReadable: string;
  herokuClient: string;
  fetchLoop: string;
  /** node:http without a library: the machine's floor for a listing (a reference, not a peer). */
  bareHttp: string;
  /** Preloaded with --require into every child: appends peak RSS on exit. */
  rusageHook: string;
  /** Times require() of a bundle with a stub `vscode` (code loading in plain Node). */
  loadBundle: string;
  /** extensionTestsPath for the extension-host part; inside the staged extension, so that VS Code attributes its
   * `require('vscode')` to Provider Desk, as it does for the integration tests. */
  exthost: string;
  /** The trivial extension the Provider Desk view and form are compared with (its folder). */
  trivialExtension: string;
}

const node = { bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'warning', legalComments: 'none', absWorkingDir: repoRoot } as const;

const out = (name: string): string => path.join(buildDir, name);
const child = (name: string): string => path.join(benchDir, 'child', `${name}.ts`);

/**
 * Provider Desk's client bundles, built during packaging with the very options of dist/extension.js (plugins,
 * externals, minification), by the esbuild wrapper in the stage (see package.ts).
 */
export function providerDeskBuilds(): { entry: string; outfile: string; minify: boolean }[] {
  return [
    { entry: child('providerDesk'), outfile: out('providerDesk.js'), minify: true },
    { entry: child('providerDesk'), outfile: out('providerDesk.readable.js'), minify: false },
  ];
}

export interface BuiltBundles extends ChildBundles {
  /** True when Provider Desk's bundles could not be built with the extension's options (fallback: plain esbuild). */
  providerDeskFallback: boolean;
}

export async function buildBenchBundles(): Promise<BuiltBundles> {
  fs.mkdirSync(buildDir, { recursive: true });
  const bundles: ChildBundles = {
    providerDesk: out('providerDesk.js'),
    providerDeskReadable: out('providerDesk.readable.js'),
    herokuClient: out('herokuClient.js'),
    fetchLoop: out('fetchLoop.js'),
    bareHttp: out('bareHttp.js'),
    rusageHook: out('rusageHook.js'),
    loadBundle: out('loadBundle.js'),
    exthost: path.join(stageDir, 'out', 'bench', 'exthost.js'),
    trivialExtension: path.join(workDir, 'trivial-extension'),
  };
  const providerDeskFallback = !fs.existsSync(bundles.providerDesk) || !fs.existsSync(bundles.providerDeskReadable);
  // Built like dist/extension.js, the client bundles require zod and @vscode/l10n from the files the extension shares.
  if (!providerDeskFallback) {
    fs.mkdirSync(path.join(buildDir, 'webview'), { recursive: true });
    for (const shared of ['webview/zod.js', 'l10n.js']) fs.copyFileSync(path.join(stageDir, 'dist', shared), path.join(buildDir, shared));
  }
  await Promise.all([
    ...(providerDeskFallback ? [
      esbuild.build({ ...node, entryPoints: [child('providerDesk')], outfile: bundles.providerDesk, minify: true }),
      esbuild.build({ ...node, entryPoints: [child('providerDesk')], outfile: bundles.providerDeskReadable, minify: false }),
    ] : []),
    esbuild.build({ ...node, entryPoints: [child('herokuClient')], outfile: bundles.herokuClient, external: ['heroku-client'] }),
    esbuild.build({ ...node, entryPoints: [child('fetchLoop')], outfile: bundles.fetchLoop, external: ['node-fetch'] }),
    esbuild.build({ ...node, entryPoints: [child('bareHttp')], outfile: bundles.bareHttp }),
    esbuild.build({ ...node, entryPoints: [child('rusageHook')], outfile: bundles.rusageHook }),
    esbuild.build({ ...node, entryPoints: [child('loadBundle')], outfile: bundles.loadBundle }),
    esbuild.build({ ...node, entryPoints: [path.join(benchDir, 'exthost', 'index.ts')], outfile: bundles.exthost, external: ['vscode'] }),
    esbuild.build({ ...node, entryPoints: [path.join(benchDir, 'exthost', 'trivialExtension.ts')], outfile: path.join(bundles.trivialExtension, 'extension.js'), external: ['vscode'], minify: true }),
    esbuild.build({ ...node, platform: 'browser', format: 'esm', target: 'es2022', entryPoints: [path.join(benchDir, 'exthost', 'trivialWebview.mts')], outfile: path.join(bundles.trivialExtension, 'media', 'webview.js'), minify: true }),
  ]);
  return { ...bundles, providerDeskFallback };
}
