// The markdown the benchmark prints: targets first, then each part's table.
import type { BenchResults } from '../run';
import { clientLabels, referenceClients, type ClientId } from './children';
import type { ListingCase } from './listing';
import { describeMachine } from './machine';
import { count, kb, markdownTable, mb, ms, ratio } from './stats';

const KB = 1024;
const MB = 1024 * 1024;

function targetRow(what: string, target: string, value: string, ok: boolean | undefined | 'info', detail = ''): string[] {
  const verdict = ok === 'info' ? '(for reference)' : ok === undefined ? 'n/a' : ok ? '✅ met' : `❌ missed${detail ? ` ${detail}` : ''}`;
  return [what, target, value, verdict];
}

function by(value: number, target: number, unit: string): string {
  return `by ${unit === 'KB' ? kb(value - target) : ms(value - target)} ${unit} (${ratio(value, target)} of target)`;
}

/** A difference with its sign: +12.5 / −3.20. */
function signed(value: number): string {
  return value < 0 ? `−${ms(-value)}` : `+${ms(value)}`;
}

function peers(listing: ListingCase): ClientId[] {
  return (Object.keys(listing.clients) as ClientId[]).filter((client) => client !== 'providerDesk' && !referenceClients.has(client));
}

export function renderReport(results: BenchResults): string {
  const out: string[] = [];
  out.push('## Provider Desk benchmark', '', `Machine: ${describeMachine(results.machine)}.`, '');
  const c = results.conditions;
  const busy = c.load !== undefined && c.load.max > results.machine.cores;
  out.push(`Conditions: CPU check (JSON.parse of 1 MB × 20 in a fresh process) ${ms(c.cpuCheckStartMs)} ms before, ${ms(c.cpuCheckEndMs)} ms after; `
    + `1-minute load average ${c.load ? `${c.load.start} at the start, ${c.load.max} at most, ${c.load.mean} on average` : 'n/a'} on ${results.machine.cores} cores`
    + `${busy ? ' — **the machine was shared and busy: absolute times are inflated; compare the ratios**' : ''}.`
    + ` ${Math.round(results.seconds - c.waitedForIdleS)} s of benchmarking${c.waitedForIdleS > 0 ? ` after ${c.waitedForIdleS} s of waiting for the load to drop` : ''}.`, '');
  const ex = results.exthost;
  if (ex) out.push(`Real VS Code: ${ex.codeServer}, extension host on the system's Node, driven by headless Chromium.`, '');

  // ------------------------------------------------------------------------------------------------------------
  const rows: string[][] = [];
  if (ex) {
    rows.push(targetRow(`Activation, median of ${ex.activateMs.n} cold extension hosts (VS Code's load code + call + finish activate)`, '< 10 ms',
      `${ms(ex.vscodeTotalMs.median)} ms`, Number.isFinite(ex.vscodeTotalMs.median) ? ex.vscodeTotalMs.median < 10 : undefined, by(ex.vscodeTotalMs.median, 10, 'ms')));
    rows.push(targetRow('Activation, `await extension.activate()` timed in the host (includes VS Code\'s context setup)', '< 10 ms',
      `${ms(ex.activateMs.median)} ms`, 'info'));
    rows.push(targetRow(`First tree render, ${ex.renderProviders} providers (getChildren + getTreeItem, in the host)`, '< 50 ms',
      `${ms(ex.firstRenderMs.median)} ms`, ex.firstRenderMs.median < 50));
    if (ex.uiRenderMs.n > 0) {
      rows.push(targetRow(`First tree render in the workbench (click on the view icon → row ${ex.renderProviders} in the DOM; includes VS Code creating the view)`, '< 50 ms',
        `${ms(ex.uiRenderMs.median)} ms`, ex.uiRenderMs.median < 50, by(ex.uiRenderMs.median, 50, 'ms')));
    }
  }
  const load = results.codeLoad;
  if (load) {
    rows.push(targetRow(`Code loading in plain Node: require of dist/extension.js (${kb(load.bundleBytes)} KB), median of ${load.extension.n} fresh processes (an empty module: ${ms(load.empty.median)} ms)`,
      '≤ 30 ms', `${ms(load.extension.median)} ms`, load.extension.median <= 30, by(load.extension.median, 30, 'ms')));
  }
  if (ex) {
    rows.push(targetRow(`Code loading in VS Code (its "Load Code"), median of ${ex.vscodeCodeLoadingMs.n} cold hosts`, '≤ 30 ms',
      `${ms(ex.vscodeCodeLoadingMs.median)} ms`, ex.vscodeCodeLoadingMs.median <= 30, by(ex.vscodeCodeLoadingMs.median, 30, 'ms')));
  }
  const open = ex?.open;
  if (open) {
    const pd = open.providerDesk;
    const floor = open.trivial;
    // Older results have no copy of the trivial extension.
    const noise = (measure: 'firstRowMs' | 'formMs'): string => (open.trivialCopy
      ? `; its identical copy ${ms(open.trivialCopy[measure].median)} ms (${signed(open.trivialCopy[measure].median - floor[measure].median)}: the measure's noise in this run)` : '');
    rows.push(targetRow(`Opening the view in fresh windows: click on the icon → first row visible (activation included), median of ${pd.firstRowMs.n}; trivial tree-view extension ${ms(floor.firstRowMs.median)} ms${noise('firstRowMs')}`,
      '≤ trivial + 30 ms', `${ms(pd.firstRowMs.median)} ms (${signed(pd.firstRowMs.median - floor.firstRowMs.median)})`, pd.firstRowMs.median <= floor.firstRowMs.median + 30,
      by(pd.firstRowMs.median, floor.firstRowMs.median + 30, 'ms')));
    rows.push(targetRow(`Opening a form: command → interactive form, median of ${pd.formMs.n}; trivial webview (same CSP, one vscode-elements control) ${ms(floor.formMs.median)} ms${noise('formMs')}`,
      '≤ floor + 150 ms', `${ms(pd.formMs.median)} ms (${signed(pd.formMs.median - floor.formMs.median)})`, pd.formMs.median <= floor.formMs.median + 150,
      by(pd.formMs.median, floor.formMs.median + 150, 'ms')));
  }
  const pkg = results.package;
  if (pkg) rows.push(targetRow('VSIX size', '< 250 KB', `${kb(pkg.vsixBytes)} KB`, pkg.vsixBytes < 250 * KB, by(pkg.vsixBytes, 250 * KB, 'KB')));
  const listing = results.listing ?? [];
  for (const item of listing.filter((c) => c.latencyMs > 0)) {
    const pd = item.clients.providerDesk;
    const warm = pd?.listWarmMs?.median;
    const coldList = pd?.listColdMs?.median;
    const changed = pd?.listChangedMs?.median;
    if (warm === undefined) continue;
    // One page (up to 1,000 apps) cannot overlap requests with reading: its target is looser.
    const target = item.pages === 1 ? 1.3 : 1.15;
    const [what, figures] = changed === undefined
      ? ['warm / first in a fresh process', `${ms(warm)} / ${ms(coldList)} ms = ${ratio(warm, item.floorMs)} / ${ratio(coldList, item.floorMs)}`]
      : ['warm, account unchanged (304s) / warm, every page changed / first in a fresh process',
        `${ms(warm)} / ${ms(changed)} / ${ms(coldList)} ms = ${ratio(warm, item.floorMs)} / ${ratio(changed, item.floorMs)} / ${ratio(coldList, item.floorMs)}`];
    rows.push(targetRow(`Listing ${count(item.apps)} apps at ${item.latencyMs} ms/request vs floor ${item.floorMs} ms (in-process, ${what})`,
      `≤ ${target}× floor`, figures, warm <= target * item.floorMs,
      `by ${ms(warm - target * item.floorMs)} ms (${ratio(warm, target * item.floorMs)} of ${ms(target * item.floorMs)} ms)`));
  }
  if (listing.length > 0) {
    let wallWins = 0;
    let listWins = 0;
    let total = 0;
    let listTotal = 0;
    const losses: string[] = [];
    for (const item of listing) {
      const pd = item.clients.providerDesk;
      if (!pd) continue;
      for (const peer of peers(item)) {
        const other = item.clients[peer]!;
        total++;
        const wallFaster = pd.wallMs.median < other.wallMs.median;
        if (wallFaster) wallWins++;
        let listFaster = true;
        // Against Provider Desk downloading every page: the peers do not revalidate, so its 304s would not be a fair race.
        const pdList = pd.listChangedMs ?? pd.listWarmMs;
        if (other.listWarmMs && pdList) {
          listTotal++;
          listFaster = pdList.median < other.listWarmMs.median;
          if (listFaster) listWins++;
        }
        if (!wallFaster || !listFaster) {
          losses.push(`${clientLabels[peer]} at ${count(item.apps)}/${item.latencyMs} ms (${[
            wallFaster ? '' : `wall ${ms(other.wallMs.median)} vs ${ms(pd.wallMs.median)}`,
            listFaster ? '' : `listing ${ms(other.listWarmMs?.median)} vs ${ms(pdList?.median)}`,
          ].filter(Boolean).join(', ')})`);
        }
      }
    }
    rows.push(targetRow('Faster than every peer: whole process (every case) and in-process listing (every case with an in-process figure; Provider Desk with every page changed)', 'all cases',
      `wall ${wallWins} of ${total}, listing ${listWins} of ${listTotal}`, wallWins === total && listWins === listTotal,
      losses.length > 0 ? `— slower than ${losses.join('; ')}` : ''));
    const big = listing.find((c) => c.apps === 20000 && c.latencyMs === 0)?.clients.providerDesk ?? listing.find((c) => c.apps === 20000)?.clients.providerDesk;
    if (big?.renderColdMs) {
      rows.push(targetRow('Rendering the 20,000-row ticket table (renderTicket, first call in a fresh process / warm)', '< 150 ms',
        `${ms(big.renderColdMs.median)} / ${ms(big.renderWarmMs?.median)} ms`, big.renderColdMs.median < 150, by(big.renderColdMs.median, 150, 'ms')));
    }
  }
  const memory = results.memory ?? [];
  for (const item of memory) {
    const pd = item.clients.providerDesk;
    if (!pd) continue;
    rows.push(targetRow(`Peak heap growth listing ${count(item.apps)} apps at ${item.latencyMs} ms/request`, '< 40 MB',
      `${mb(pd.peakHeapGrowth.median)} MB`, pd.peakHeapGrowth.median < 40 * MB, `by ${mb(pd.peakHeapGrowth.median - 40 * MB)} MB`));
  }
  if (ex?.scale) {
    rows.push(targetRow(`getChildren over the whole tree, ${count(ex.scale.providers)} providers × ${ex.scale.scopes / ex.scale.providers} scopes (${count(ex.scale.nodes)} nodes, empty node cache)`,
      '< 20 ms', `${ms(ex.scale.coldWalk.median)} ms`, ex.scale.coldWalk.median < 20, by(ex.scale.coldWalk.median, 20, 'ms')));
    if (ex.bigStore) {
      rows.push(targetRow(`  … the same walk as the first thing in a fresh extension host (cold code), median of ${ex.bigStore.firstWalkMs.n}`, '< 20 ms',
        `${ms(ex.bigStore.firstWalkMs.median)} ms`, 'info'));
    }
  }
  out.push('### Targets', '', markdownTable(['What', 'Target', 'Provider Desk', 'Verdict'], rows), '');

  // ------------------------------------------------------------------------------------------------------------
  if (listing.length > 0) {
    const clients = Object.keys(listing[0].clients) as ClientId[];
    out.push('### Listing all apps (fake Heroku API on 127.0.0.1, max page 1,000)', '');
    out.push(`Whole process (spawn → exit; list, then print the list to a file): median wall ms / peak RSS MB, ${listing[0].clients.providerDesk?.wallMs.n ?? '?'} runs after a warm-up`
      + `${clients.includes('herokuCli') ? ` (${listing[0].clients.herokuCli?.wallMs.n} for the CLI)` : ''}. "÷ PD": the peer's median over Provider Desk's (> 1 = Provider Desk is faster).`, '');
    const headers = ['apps', 'latency', 'floor', ...clients.flatMap((client) => (client === 'providerDesk' ? [clientLabels[client]] : [clientLabels[client], '÷ PD']))];
    const wallRows = listing.map((item) => [count(item.apps), `${item.latencyMs} ms`, `${item.floorMs} ms`, ...clients.flatMap((client) => {
      const entry = item.clients[client];
      const cell = entry ? `${ms(entry.wallMs.median)} / ${mb(entry.peakRssBytes.median)}` : 'n/a';
      return client === 'providerDesk' ? [cell] : [cell, ratio(entry?.wallMs.median, item.clients.providerDesk?.wallMs.median)];
    })]);
    out.push(markdownTable(headers, wallRows, headers.map((_, i) => (i < 3 ? 'r' : 'l'))), '');

    const inClients = clients.filter((client) => client !== 'herokuCli');
    out.push(`In-process listing time only (ms): median of ${listing[0].clients.providerDesk?.listWarmMs?.n ?? '?'} repeated listings in one process after a warm-up / `
      + `first listing in a fresh process (median of ${listing[0].clients.providerDesk?.listColdMs?.n ?? '?'}); Provider Desk's warm figure is an unchanged account, `
      + 'whose pages it revalidates (304, no body), and in brackets the same with every page changed (no 304: every page downloaded, as the peers always do). '
      + 'Requests: GET /apps requests × page size as the server saw them (+ other requests, e.g. the CLI\'s GET /account) on how many TCP connections '
      + '(a fresh process\'s listing; fewer connections than requests: kept alive).', '');
    // Provider Desk and the reference (the machine's floor) against the latency floor; the peers against Provider Desk.
    const againstFloor = (client: ClientId): boolean => client === 'providerDesk' || referenceClients.has(client);
    const inHeaders = ['apps', 'latency', 'floor', ...inClients.flatMap((client) => (againstFloor(client) ? [clientLabels[client], '÷ floor'] : [clientLabels[client], '÷ PD'])), 'requests'];
    const inRows = listing.map((item) => [count(item.apps), `${item.latencyMs} ms`, `${item.floorMs} ms`, ...inClients.flatMap((client) => {
      const entry = item.clients[client];
      const changed = entry?.listChangedMs ? ` (${ms(entry.listChangedMs.median)} changed)` : '';
      const cell = entry ? `${ms(entry.listWarmMs?.median)}${changed} / ${ms(entry.listColdMs?.median)}` : 'n/a';
      return againstFloor(client)
        ? [cell, item.floorMs > 0 ? ratio(entry?.listWarmMs?.median, item.floorMs) : '—']
        : [cell, ratio(entry?.listWarmMs?.median, item.clients.providerDesk?.listWarmMs?.median)];
    }), clients.map((client) => {
      const server = item.clients[client]?.server;
      if (!server) return '?';
      const other = server.requests - server.appRequests;
      return `${server.appRequests}×${server.pageSize}${other > 0 ? ` +${other}` : ''} on ${server.connections}`;
    }).join(' · ')]);
    out.push(markdownTable(inHeaders, inRows, inHeaders.map((_, i) => (i < 3 ? 'r' : 'l'))), '');
    out.push(`Requests column order: ${clients.map((client) => clientLabels[client]).join(' · ')}.`, '');
    if (clients.includes('herokuCli')) {
      out.push(`Heroku CLI, from its first request to its last /apps request as the server saw them (ms): ${listing.map((item) => `${count(item.apps)}/${item.latencyMs} ms: ${ms(item.clients.herokuCli?.server.spanMs)}`).join(', ')}; the rest of its wall time is start-up and output.`, '');
    }

    const render = listing.filter((c) => c.clients.providerDesk?.renderColdMs).map((item) => {
      const pd = item.clients.providerDesk!;
      return [count(item.apps), `${item.latencyMs} ms`, ms(pd.renderColdMs?.median), ms(pd.renderWarmMs?.median), ms(pd.renderedAtMs?.median), ms(pd.wallMs.median)];
    });
    out.push('Provider Desk ticket text (renderTicket): ms.', '');
    out.push(markdownTable(['apps', 'latency', 'render, fresh process', 'render, warm', 'process start → table text ready', 'whole process'], render, ['r', 'r', 'r', 'r', 'r', 'r']), '');
  }
  if (listing.length === 0) {
    // no listing part in this run
  } else if (!results.cli.available) out.push(`Heroku CLI: not measured — ${results.cli.reason ?? 'left out'}.`, '');
  else {
    out.push(`Heroku CLI ${results.cli.version} from the npm registry (bench/.peers), pointed at the fake with HEROKU_HOST and HEROKU_PARTICLEBOARD_URL, a throw-away HOME, `
      + 'DISABLE_TELEMETRY=true (with `=1` it still spawns a telemetry worker process per command) and HEROKU_SKIP_ANALYTICS=1; its in-process time cannot be measured from outside.', '');
  }

  // ------------------------------------------------------------------------------------------------------------
  if (memory.length > 0) {
    out.push('### Memory while listing (child process with --expose-gc)', '');
    out.push('Peak heap growth = highest heapUsed (V8 GCProfiler before every GC, and sampled every ms) − heapUsed after a full GC before the listing; retained = after a full GC with the list still referenced. Medians.', '');
    const clients = Object.keys(memory[0].clients) as ClientId[];
    const memRows = memory.flatMap((item) => clients.map((client) => {
      const entry = item.clients[client]!;
      return [count(item.apps), `${item.latencyMs} ms`, clientLabels[client], mb(entry.peakHeapGrowth.median), mb(entry.retainedHeapGrowth.median), mb(entry.peakExternalGrowth.median),
        mb(entry.peakRss.median), `${entry.gcCount.median} / ${ms(entry.gcMs.median)} ms`];
    }));
    out.push(markdownTable(['apps', 'latency', 'client', 'peak heap growth MB', 'retained MB', 'peak external (Buffers) growth MB', 'peak RSS MB', 'GCs / GC time'], memRows,
      ['r', 'r', 'l', 'r', 'r', 'r', 'r', 'r']), '');
  }

  // ------------------------------------------------------------------------------------------------------------
  if (pkg) {
    out.push('### Package', '');
    out.push(`\`vsce package --no-dependencies\` of a private copy of the work tree (its \`vscode:prepublish\` production build): **${kb(pkg.vsixBytes)} KB** VSIX, packaged in ${(pkg.packageMs / 1000).toFixed(1)} s.`, '');
    out.push(markdownTable(['file', 'size KB', 'in the VSIX (deflated) KB', 'share of VSIX'], pkg.bundles.map((bundle) => [
      bundle.file, kb(bundle.bytes), kb(bundle.vsixBytes), bundle.vsixBytes ? `${((bundle.vsixBytes / pkg.vsixBytes) * 100).toFixed(0)}%` : 'n/a',
    ]), ['l', 'r', 'r', 'r']), '');
    for (const bundle of pkg.bundles.filter((b) => b.byPackage.length > 0)) {
      const drift = bundle.metafileBytes !== undefined && bundle.metafileBytes !== bundle.bytes ? ` (metafile rebuild: ${kb(bundle.metafileBytes)} KB — build options drifted from scripts/build.mjs)` : '';
      out.push(`${bundle.file} by package (esbuild metafile, minified bytes)${drift}: `
        + bundle.byPackage.slice(0, 8).map((entry) => `${entry.name} ${kb(entry.bytes)} KB (${((entry.bytes / (bundle.metafileBytes ?? bundle.bytes)) * 100).toFixed(0)}%)`).join(', '), '');
    }
  }

  // ------------------------------------------------------------------------------------------------------------
  if (ex) {
    out.push('### Extension host (code-server)', '');
    const extRows = [
      ['activate(): VS Code load code + call + finish', ms(ex.vscodeTotalMs.median), `${ms(ex.vscodeTotalMs.min)}–${ms(ex.vscodeTotalMs.max)}`],
      ['  load code (require of dist/extension.js)', ms(ex.vscodeCodeLoadingMs.median), `${ms(ex.vscodeCodeLoadingMs.min)}–${ms(ex.vscodeCodeLoadingMs.max)}`],
      ['  call activate (synchronous part)', ms(ex.vscodeActivateCallMs.median), `${ms(ex.vscodeActivateCallMs.min)}–${ms(ex.vscodeActivateCallMs.max)}`],
      ['  finish activate (until its promise resolves)', ms(ex.vscodeActivateResolvedMs.median), `${ms(ex.vscodeActivateResolvedMs.min)}–${ms(ex.vscodeActivateResolvedMs.max)}`],
      [`  not in the above: before activate(), waiting for its globalState (${kb(ex.stateBytes.median)} KB) from the workbench`, ms(ex.stateWaitMs.median), `${ms(ex.stateWaitMs.min)}–${ms(ex.stateWaitMs.max)}`],
      ['`await extension.activate()` from another script', ms(ex.activateMs.median), `${ms(ex.activateMs.min)}–${ms(ex.activateMs.max)}`],
      [`first render, ${ex.renderProviders} providers (in the host)`, ms(ex.firstRenderMs.median), `${ms(ex.firstRenderMs.min)}–${ms(ex.firstRenderMs.max)}`],
      [`every node of ${ex.renderProviders} providers expanded (in the host)`, ms(ex.fullRenderMs.median), `${ms(ex.fullRenderMs.min)}–${ms(ex.fullRenderMs.max)}`],
      ...(ex.uiRenderMs.n > 0 ? [['click on the view icon → last provider row in the DOM', ms(ex.uiRenderMs.median), `${ms(ex.uiRenderMs.min)}–${ms(ex.uiRenderMs.max)}`]] : []),
    ];
    if (ex.bigStore) {
      extRows.push([`activation with ${count(ex.bigStore.providers)} providers × 10 scopes stored (\`await activate()\`; VS Code total)`,
        `${ms(ex.bigStore.activateMs.median)}; ${ms(ex.bigStore.vscodeTotalMs.median)}`, `n=${ex.bigStore.activateMs.n}`]);
      extRows.push([`  … before activate(), waiting for its globalState (${kb(ex.bigStore.stateBytes.median)} KB) from the workbench`, ms(ex.bigStore.stateWaitMs.median), `n=${ex.bigStore.stateWaitMs.n}`]);
      extRows.push([`first render, ${count(ex.bigStore.providers)} providers`, ms(ex.bigStore.firstRenderMs.median), `n=${ex.bigStore.firstRenderMs.n}`]);
      extRows.push([`first getChildren walk of every node in that fresh host (${count(ex.bigStore.runs[0]?.nodes ?? 0)} nodes, cold code)`, ms(ex.bigStore.firstWalkMs.median), `n=${ex.bigStore.firstWalkMs.n}`]);
    }
    if (ex.scale) {
      extRows.push([`tree walk, ${count(ex.scale.nodes)} nodes: getChildren, fresh tree`, ms(ex.scale.coldWalk.median), `${ms(ex.scale.coldWalk.min)}–${ms(ex.scale.coldWalk.max)}`]);
      extRows.push([`  … the extension's own tree, first walk right after seeding${ex.scale.firstWalkProfile ? ' (under the profiler)' : ''}`, ms(ex.scale.extensionTreeFirstWalkMs), 'n=1']);
      extRows.push(['  … cached nodes (second walk)', ms(ex.scale.warmWalk.median), `${ms(ex.scale.warmWalk.min)}–${ms(ex.scale.warmWalk.max)}`]);
      extRows.push(['  … getChildren + getTreeItem, fresh tree', ms(ex.scale.coldWalkWithItems.median), `${ms(ex.scale.coldWalkWithItems.min)}–${ms(ex.scale.coldWalkWithItems.max)}`]);
      extRows.push([`  store.reload() of ${count(ex.scale.providers + ex.scale.credentials + ex.scale.scopes)} objects`, ms(ex.scale.reloadMs), 'n=1']);
    }
    if (ex.open) {
      const compared = [['Provider Desk', ex.open.providerDesk], ['trivial extension', ex.open.trivial], ['its identical copy', ex.open.trivialCopy]] as const;
      for (const [label, entry] of compared.filter((pair) => pair[1] !== undefined)) {
        extRows.push([`${label}, fresh window: click → first row / last row`, `${ms(entry.firstRowMs.median)} / ${ms(entry.lastRowMs.median)}`, `${ms(entry.firstRowMs.min)}–${ms(entry.firstRowMs.max)} (n=${entry.firstRowMs.n})`]);
        if (entry.phases) {
          const { loadStartMs, codeLoadedMs, activateCalledMs, activatedMs } = entry.phases;
          extRows.push([`  … click → the host starts loading its code / code loaded / activate() called / activated`,
            [loadStartMs, codeLoadedMs, activateCalledMs, activatedMs].map((phase) => ms(phase.median)).join(' / '), `n=${loadStartMs.n}`]);
        }
        extRows.push([`${label}: form command → interactive form (→ its page starts loading)`, `${ms(entry.formMs.median)} (${ms(entry.formPageStartMs.median)})`, `${ms(entry.formMs.min)}–${ms(entry.formMs.max)}`]);
      }
    }
    out.push(markdownTable(['measure', 'median ms', 'range'], extRows, ['l', 'r', 'r']), '');
    out.push(`Cold = a fresh extension host per run (a new workbench page load), ${ex.activateMs.n} runs after ${1} warm-up; ${ex.wasActiveRuns} run(s) found the extension already active.`, '');
  }

  // ------------------------------------------------------------------------------------------------------------
  const profiles = [...results.listingProfiles ?? [], ...(ex?.profile ? [ex.profile] : []), ...(ex?.uiProfile ? [ex.uiProfile] : []),
    ...(ex?.scale?.profile ? [ex.scale.profile] : []),
    ...(ex?.scale?.firstWalkProfile ? [ex.scale.firstWalkProfile] : [])];
  if (profiles.length > 0) {
    out.push('### Where the time goes (CPU profiles, self time)', '');
    for (const profile of profiles) out.push(profile.text, '');
  }
  return out.join('\n');
}
