// The generated data as the tests see it: the few fields of each JSON body that a client is expected to show.
import { addonsFor, formationFor, releasesFor, type AppRecord } from './data';
import type { FakeAddon, FakeAppInfo, FakeFormation, FakeRelease } from './types';

export function appInfoView(record: AppRecord): FakeAppInfo {
  const app = JSON.parse(record.json) as {
    name: string; owner: { email: string }; region: { name: string }; stack: { name: string }; build_stack: { name: string };
    web_url: string; maintenance: boolean; released_at: string;
  };
  return {
    name: app.name, ownerEmail: app.owner.email, region: app.region.name, stack: app.stack.name, buildStack: app.build_stack.name,
    webUrl: app.web_url, maintenance: app.maintenance, releasedAt: app.released_at,
  };
}

export function formationView(record: AppRecord): FakeFormation[] {
  return formationFor(record).map((json) => {
    const { type, quantity, size, command } = JSON.parse(json) as FakeFormation;
    return { type, quantity, size, command };
  });
}

/** Newest first. */
export function releasesView(record: AppRecord, owner: { id: string; email: string }): FakeRelease[] {
  return releasesFor(record, owner).reverse().map(({ json }) => {
    const release = JSON.parse(json) as { version: number; description: string; status: string; created_at: string; current: boolean; user: { email: string } };
    return {
      version: release.version, description: release.description, status: release.status, createdAt: release.created_at,
      current: release.current, userEmail: release.user.email,
    };
  });
}

/** Sorted by name. */
export function addonsView(record: AppRecord): FakeAddon[] {
  return addonsFor(record).map((json) => {
    const addon = JSON.parse(json) as { name: string; state: string; addon_service: { name: string }; plan: { name: string }; billed_price: { cents: number; unit: string } };
    return {
      name: addon.name, service: addon.addon_service.name, plan: addon.plan.name, state: addon.state,
      priceCents: addon.billed_price.cents, priceUnit: addon.billed_price.unit,
    };
  }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
