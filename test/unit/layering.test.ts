// Imports run downhill (CONTRIBUTING.md, Architecture): the folder rules that lint enforces, checked here on the whole import
// graph of src/, type-only and dynamic imports included, and no cycle between files or between top-level folders
// (files at the src/ root count as one folder). Plus a deliberately wrong import, to prove lint catches it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import * as ts from 'typescript';

const repoRoot = path.resolve(__dirname, '..', '..');
const srcRoot = path.join(repoRoot, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier.replace(/\.js$/, ''));
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
}

const folderOf = (file: string): string => {
  const parts = path.relative(srcRoot, file).split(path.sep);
  return parts.length > 1 ? parts[0]! : '(src root)';
};

function importGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(srcRoot)) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map((imported) => resolveImport(file, imported.fileName)).filter((target): target is string => !!target);
    graph.set(file, new Set(targets));
  }
  return graph;
}

/** Every strongly connected component of more than one node (or a node importing itself): the cycles. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('Layering of src/', () => {
  const graph = importGraph();
  /** Folders of ours each layer may import: the table lint enforces, read from eslint.config.mjs. */
  let allowedImports: Record<string, readonly string[]>;
  before(async () => {
    ({ layers: allowedImports } = await import(pathToFileURL(path.join(repoRoot, 'eslint.config.mjs')).href) as { layers: Record<string, readonly string[]> });
  });
  const relative = (file: string): string => path.relative(srcRoot, file);

  it('reads the imports of every source file', () => {
    assert.ok(graph.size > 40, `only ${graph.size} files found under src/`);
    assert.ok([...graph.values()].some((targets) => targets.size > 0));
  });

  it('has no import cycle between files, type-only imports included', () => {
    assert.deepEqual(cycles(graph).map((cycle) => cycle.map(relative)), []);
  });

  it('has no import cycle between top-level folders', () => {
    const folders = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      const from = folderOf(file);
      const edges = folders.get(from) ?? new Set<string>();
      for (const target of targets) if (folderOf(target) !== from) edges.add(folderOf(target));
      folders.set(from, edges);
    }
    assert.deepEqual(cycles(folders), []);
  });

  it('imports only downhill from model/, heroku/, store/, shared/, common/, webview/ and connection/', () => {
    const wrongWay: string[] = [];
    for (const [file, targets] of graph) {
      const allowed = allowedImports[folderOf(file)];
      if (!allowed) continue;
      for (const target of targets) {
        const to = folderOf(target);
        if (to !== folderOf(file) && !allowed.includes(to)) wrongWay.push(`${relative(file)} → ${relative(target)}`);
      }
    }
    assert.deepEqual(wrongWay, []);
  });

  it('keeps every file of src/ under 400 lines', () => {
    const long = sourceFiles(srcRoot).map((file) => ({ file: relative(file), lines: fs.readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines >= 400);
    assert.deepEqual(long, []);
  });

  it('fails lint for a deliberately wrong import, type-only ones too', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const cases = [
      { filePath: 'src/model/wrongWay.ts', code: "import { ProviderStore } from '../store/providerStore';\nexport const x = ProviderStore;\n" },
      { filePath: 'src/common/wrongWay.ts', code: "import type { HerokuClient } from '../heroku';\nexport type X = HerokuClient;\n" },
      { filePath: 'src/webview/wrongWay.ts', code: "import { validateForm } from '../forms/formValidation';\nexport const x = validateForm;\n" },
    ];
    for (const { filePath, code } of cases) {
      const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
      assert.ok(result!.messages.some((message) => message.ruleId === 'no-restricted-imports'), `${filePath}: no lint error for a wrong-way import`);
    }
    const [allowed] = await eslint.lintText("import type { Provider } from '../model';\nexport type X = Provider;\n", { filePath: path.join(repoRoot, 'src/store/rightWay.ts') });
    assert.deepEqual(allowed!.messages.filter((message) => message.ruleId === 'no-restricted-imports'), []);
  });
});
