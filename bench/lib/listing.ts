// Part 3 and 4: listing every app of the fake Heroku API with Provider Desk's client and with what a user would use
// instead, each in its own process; then peak memory while listing 20,000 apps.
import * as path from 'node:path';
import type { FakeHeroku } from '../../scripts/demoHeroku';
import type { MemoryResult, OnceResult, WarmResult } from '../child/common';
import type { BuiltBundles, ChildBundles } from './build';
import { clientLabels, runChild, type ClientId, type ServerView } from './children';
import { progress } from './log';
import { profilesDir, repoRoot, stageDir } from './paths';
import { describeProfile, readProfile, summarizeProfile, type ProfileSummary } from './profile';
import { mb, ms, summarize, type Summary } from './stats';

export const maxPage = 1000;

export interface ClientListing {
  /** Whole process: spawn → exit. */
  wallMs: Summary;
  peakRssBytes: Summary;
  /** In-process listing time of the first (only) listing in a fresh process. */
  listColdMs?: Summary;
  /** In-process listing time, median of repeated listings in one process after a warm-up. */
  listWarmMs?: Summary;
  /**
   * The same, with every page changed since the last listing (the fake's setEveryAnswerNew: a fresh ETag each time,
   * so a client that revalidates gets no 304 and downloads every page whole). Provider Desk only: the peers do not revalidate.
   */
  listChangedMs?: Summary;
  renderColdMs?: Summary;
  renderWarmMs?: Summary;
  /** Process start → table text ready. */
  renderedAtMs?: Summary;
  server: ServerView;
}

export interface ListingCase {
  apps: number;
  latencyMs: number;
  pages: number;
  floorMs: number;
  clients: Partial<Record<ClientId, ClientListing>>;
}

export interface ListingOptions {
  sizes: number[];
  latencies: number[];
  clients: ClientId[];
  repeats: number;
  cliRepeats: number;
  warmRepeats: number;
}

export async function benchListing(bundles: ChildBundles, fake: FakeHeroku, options: ListingOptions): Promise<ListingCase[]> {
  const cases: ListingCase[] = [];
  for (const latencyMs of options.latencies) {
    for (const apps of options.sizes) {
      fake.setApps(apps);
      fake.setLatency(latencyMs);
      const pages = Math.ceil(apps / maxPage);
      const listing: ListingCase = { apps, latencyMs, pages, floorMs: pages * latencyMs, clients: {} };
      progress(`listing ${apps.toLocaleString('en-US')} apps, ${latencyMs} ms/request: warm-up round`);
      for (const client of options.clients) await runChild(client, bundles, fake, { mode: 'once', expected: apps });

      const runs = new Map<ClientId, Awaited<ReturnType<typeof runChild>>[]>();
      for (let round = 0; round < options.repeats; round++) {
        // Interleaved: every client once per round, so drift on a noisy machine hits all of them alike.
        for (const client of options.clients) {
          if (client === 'herokuCli' && round >= options.cliRepeats) continue;
          const run = await runChild(client, bundles, fake, { mode: 'once', expected: apps });
          runs.set(client, [...runs.get(client) ?? [], run]);
        }
      }
      for (const client of options.clients) {
        const list = runs.get(client) ?? [];
        const once = list.map((run) => run.result).filter((result): result is OnceResult => result?.mode === 'once');
        listing.clients[client] = {
          wallMs: summarize(list.map((run) => run.wallMs)),
          peakRssBytes: summarize(list.map((run) => run.peakRssBytes ?? NaN)),
          ...(once.length > 0 ? {
            listColdMs: summarize(once.map((result) => result.listMs)),
            renderColdMs: summarize(once.map((result) => result.renderMs)),
            renderedAtMs: summarize(once.map((result) => result.renderedAtMs)),
          } : {}),
          server: list[list.length - 1].server,
        };
      }
      // In-process steady state: repeated listings in one process.
      for (const client of options.clients) {
        if (client === 'herokuCli') continue;
        const run = await runChild(client, bundles, fake, { mode: 'warm', expected: apps, warmups: 1, repeats: options.warmRepeats });
        const warm = run.result as WarmResult;
        const entry = listing.clients[client]!;
        entry.listWarmMs = summarize(warm.listMs);
        entry.renderWarmMs = summarize(warm.renderMs);
      }
      const pd = listing.clients.providerDesk;
      if (pd) {
        fake.setEveryAnswerNew(true);
        const run = await runChild('providerDesk', bundles, fake, { mode: 'warm', expected: apps, warmups: 1, repeats: options.warmRepeats });
        fake.setEveryAnswerNew(false);
        pd.listChangedMs = summarize((run.result as WarmResult).listMs);
      }
      const summary = options.clients.map((client) => {
        const entry = listing.clients[client]!;
        const changed = entry.listChangedMs ? ` (${ms(entry.listChangedMs.median)} ms every page changed)` : '';
        return `${clientLabels[client]} ${ms(entry.wallMs.median)} ms wall${entry.listWarmMs ? ` / ${ms(entry.listWarmMs.median)} ms listing${changed}` : ''}`;
      }).join(', ');
      progress(`  ${summary}; floor ${listing.floorMs} ms`);
      cases.push(listing);
    }
  }
  return cases;
}

export interface MemoryCase {
  apps: number;
  latencyMs: number;
  clients: Partial<Record<ClientId, {
    peakHeapGrowth: Summary;
    retainedHeapGrowth: Summary;
    peakRss: Summary;
    peakExternalGrowth: Summary;
    gcCount: Summary;
    gcMs: Summary;
    listMs: Summary;
  }>>;
}

export async function benchMemory(bundles: ChildBundles, fake: FakeHeroku, options: { apps: number; latencies: number[]; clients: ClientId[]; repeats: number }): Promise<MemoryCase[]> {
  const cases: MemoryCase[] = [];
  fake.setApps(options.apps);
  for (const latencyMs of options.latencies) {
    fake.setLatency(latencyMs);
    progress(`memory while listing ${options.apps.toLocaleString('en-US')} apps, ${latencyMs} ms/request`);
    const results = new Map<ClientId, MemoryResult[]>();
    for (let round = 0; round < options.repeats; round++) {
      for (const client of options.clients) {
        const run = await runChild(client, bundles, fake, { mode: 'memory', expected: options.apps, nodeArgs: ['--expose-gc'] });
        results.set(client, [...results.get(client) ?? [], run.result as MemoryResult]);
      }
    }
    const entry: MemoryCase = { apps: options.apps, latencyMs, clients: {} };
    for (const client of options.clients) {
      const list = results.get(client) ?? [];
      entry.clients[client] = {
        peakHeapGrowth: summarize(list.map((r) => r.peakHeap - r.baselineHeap)),
        retainedHeapGrowth: summarize(list.map((r) => r.retainedHeap - r.baselineHeap)),
        peakRss: summarize(list.map((r) => r.peakRss)),
        peakExternalGrowth: summarize(list.map((r) => r.peakExternal - r.baselineExternal)),
        gcCount: summarize(list.map((r) => r.gcCount)),
        gcMs: summarize(list.map((r) => r.gcMs)),
        listMs: summarize(list.map((r) => r.listMs)),
      };
    }
    progress(`  ${options.clients.map((client) => `${clientLabels[client]} peak heap +${mb(entry.clients[client]?.peakHeapGrowth.median)} MB`).join(', ')}`);
    cases.push(entry);
  }
  return cases;
}

export interface ListingProfile {
  apps: number;
  latencyMs: number;
  file: string;
  listMs: number;
  summary: ProfileSummary;
  text: string;
}

/** One listing + render of Provider Desk's client under --cpu-prof (readable bundle), summarised by module. */
export async function profileListing(bundles: BuiltBundles, fake: FakeHeroku, apps: number, latencyMs: number): Promise<ListingProfile> {
  fake.setApps(apps);
  fake.setLatency(latencyMs);
  const name = `listing-${apps}-${latencyMs}ms.cpuprofile`;
  const run = await runChild('providerDesk', bundles, fake, {
    mode: 'once',
    expected: apps,
    nodeArgs: ['--cpu-prof', '--cpu-prof-interval', '100', `--cpu-prof-dir=${profilesDir}`, `--cpu-prof-name=${name}`],
    env: { BENCH_READABLE: '1' },
  });
  const file = path.join(profilesDir, name);
  const summary = summarizeProfile(readProfile(file), { bundles: [{ file: bundles.providerDeskReadable, baseDir: bundles.providerDeskFallback ? repoRoot : stageDir }], top: 12 });
  const result = run.result as OnceResult;
  const title = `Provider Desk, whole process listing ${apps.toLocaleString('en-US')} apps at ${latencyMs} ms/request under the profiler `
    + `(start → listing ${ms(result.listedAtMs - result.listMs)} ms, listing ${ms(result.listMs)} ms, render ${ms(result.renderMs)} ms)`;
  return { apps, latencyMs, file, listMs: result.listMs, summary, text: describeProfile(summary, title) };
}
