// Requires a bundle as VS Code's extension host would (`vscode` answered by a stub) and prints how long that took,
// in ms. The Node built-ins an extension host has loaded anyway are loaded first, so they are not counted.
import 'node:child_process';
import 'node:crypto';
import 'node:http';
import 'node:https';
import 'node:net';
import 'node:stream';
import 'node:tls';
import 'node:worker_threads';
import 'node:zlib';
import * as NodeModule from 'node:module';
import { performance } from 'node:perf_hooks';

const Module = NodeModule.Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const load = NodeModule.createRequire(__filename);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request: string, ...rest: unknown[]): string {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
const vscodeStub = new Proxy({}, { get: () => function stub(): void { /* not called while loading */ } });
load.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscodeStub } as NodeJS.Module;

const bundle = process.argv[2];
if (!bundle) throw new Error('usage: loadBundle.js <bundle>');
const started = performance.now();
load(bundle);
const loadMs = performance.now() - started;
const files = Object.keys(load.cache).filter((file) => file !== 'vscode' && file !== bundle && !file.endsWith('loadBundle.js'));
process.stdout.write(JSON.stringify({ loadMs, alsoLoaded: files }));
