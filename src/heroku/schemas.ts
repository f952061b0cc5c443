// What Provider Desk reads from Heroku Platform API responses. Unknown fields are tolerated and dropped (z.object
// strips), and each schema maps straight to a small camelCase object so that only the fields the extension uses stay
// in memory, even for 20,000 apps.
import { z } from 'zod';

const named = z.object({ name: z.string() });

/** One app as Provider Desk keeps it. */
export interface HerokuApp {
  readonly id: string;
  readonly name: string;
  /** `us`, `eu`, or a Private Space region; null when Heroku sends none. */
  readonly region: string | null;
  /** `heroku-24`, `container`, …; null when Heroku sends none. */
  readonly stack: string | null;
  /** ISO 8601 time of the app's last change. */
  readonly updatedAt: string | null;
  readonly webUrl: string | null;
}

export interface HerokuAccount {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly twoFactorAuthentication: boolean | null;
  readonly verified: boolean | null;
  readonly lastLogin: string | null;
  readonly createdAt: string | null;
}

export interface HerokuDyno {
  readonly id: string;
  /** `web.1`, `worker.2`, `run.1234`. */
  readonly name: string;
  readonly type: string;
  readonly size: string | null;
  /** `up`, `starting`, `crashed`, `idle`, `down`. */
  readonly state: string;
  readonly command: string | null;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  readonly releaseVersion: number | null;
}

export const appSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  region: named.nullish(),
  stack: named.nullish(),
  updated_at: z.string().nullish(),
  web_url: z.string().nullish(),
}).transform((app): HerokuApp => ({
  id: app.id,
  name: app.name,
  region: app.region?.name ?? null,
  stack: app.stack?.name ?? null,
  updatedAt: app.updated_at ?? null,
  webUrl: app.web_url ?? null,
}));

export const appListSchema = z.array(appSchema);

export const accountSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullish(),
  two_factor_authentication: z.boolean().nullish(),
  verified: z.boolean().nullish(),
  last_login: z.string().nullish(),
  created_at: z.string().nullish(),
}).transform((account): HerokuAccount => ({
  id: account.id,
  email: account.email,
  name: account.name ?? null,
  twoFactorAuthentication: account.two_factor_authentication ?? null,
  verified: account.verified ?? null,
  lastLogin: account.last_login ?? null,
  createdAt: account.created_at ?? null,
}));

export const dynoSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  size: z.string().nullish(),
  state: z.string(),
  command: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  release: z.object({ version: z.number() }).nullish(),
}).transform((dyno): HerokuDyno => ({
  id: dyno.id,
  name: dyno.name,
  type: dyno.type,
  size: dyno.size ?? null,
  state: dyno.state,
  command: dyno.command ?? null,
  createdAt: dyno.created_at ?? null,
  updatedAt: dyno.updated_at ?? null,
  releaseVersion: dyno.release?.version ?? null,
}));

export const dynoListSchema = z.array(dynoSchema);

/** Heroku's error body. */
export const errorBodySchema = z.object({ id: z.string().optional(), message: z.string().optional() });

/** `GET /apps/{app}`: where the app runs, on what, and who owns it. */
export interface HerokuAppInfo {
  readonly id: string;
  readonly name: string;
  readonly ownerEmail: string | null;
  /** The team that owns the app, if a team does. */
  readonly team: string | null;
  /** The Private Space the app runs in, if any. */
  readonly space: string | null;
  readonly region: string | null;
  readonly stack: string | null;
  /** The stack the next build uses; differs from `stack` while an upgrade is pending. */
  readonly buildStack: string | null;
  readonly webUrl: string | null;
  readonly maintenance: boolean | null;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  readonly releasedAt: string | null;
}

/** One process type of `GET /apps/{app}/formation`. */
export interface HerokuFormation {
  readonly id: string;
  /** `web`, `worker`, … */
  readonly type: string;
  readonly quantity: number;
  /** `Basic`, `Standard-1X`, … */
  readonly size: string | null;
  readonly command: string | null;
  readonly updatedAt: string | null;
}

/** One release of `GET /apps/{app}/releases`. */
export interface HerokuRelease {
  readonly version: number;
  readonly description: string | null;
  readonly userEmail: string | null;
  /** `succeeded`, `failed`, `pending`. */
  readonly status: string | null;
  readonly createdAt: string | null;
  /** The release the app runs now. */
  readonly current: boolean | null;
}

/** One add-on of `GET /apps/{app}/addons`. */
export interface HerokuAddon {
  readonly id: string;
  readonly name: string;
  /** `heroku-postgresql`. */
  readonly service: string | null;
  /** `heroku-postgresql:essential-0`. */
  readonly plan: string | null;
  /** `provisioned`, `provisioning`, `deprovisioned`. */
  readonly state: string | null;
  /** What Heroku bills for it, in cents per `priceUnit`. */
  readonly priceCents: number | null;
  /** `month`. */
  readonly priceUnit: string | null;
}

const email = z.object({ email: z.string() });

export const appInfoSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  owner: email.nullish(),
  team: named.nullish(),
  space: named.nullish(),
  region: named.nullish(),
  stack: named.nullish(),
  build_stack: named.nullish(),
  web_url: z.string().nullish(),
  maintenance: z.boolean().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  released_at: z.string().nullish(),
}).transform((app): HerokuAppInfo => ({
  id: app.id,
  name: app.name,
  ownerEmail: app.owner?.email ?? null,
  team: app.team?.name ?? null,
  space: app.space?.name ?? null,
  region: app.region?.name ?? null,
  stack: app.stack?.name ?? null,
  buildStack: app.build_stack?.name ?? null,
  webUrl: app.web_url ?? null,
  maintenance: app.maintenance ?? null,
  createdAt: app.created_at ?? null,
  updatedAt: app.updated_at ?? null,
  releasedAt: app.released_at ?? null,
}));

export const formationListSchema = z.array(z.object({
  id: z.string(),
  type: z.string(),
  quantity: z.number(),
  size: z.string().nullish(),
  command: z.string().nullish(),
  updated_at: z.string().nullish(),
}).transform((process): HerokuFormation => ({
  id: process.id,
  type: process.type,
  quantity: process.quantity,
  size: process.size ?? null,
  command: process.command ?? null,
  updatedAt: process.updated_at ?? null,
})));

export const releaseListSchema = z.array(z.object({
  version: z.number(),
  description: z.string().nullish(),
  user: email.nullish(),
  status: z.string().nullish(),
  created_at: z.string().nullish(),
  current: z.boolean().nullish(),
}).transform((release): HerokuRelease => ({
  version: release.version,
  description: release.description ?? null,
  userEmail: release.user?.email ?? null,
  status: release.status ?? null,
  createdAt: release.created_at ?? null,
  current: release.current ?? null,
})));

export const addonListSchema = z.array(z.object({
  id: z.string(),
  name: z.string(),
  addon_service: named.nullish(),
  plan: named.nullish(),
  state: z.string().nullish(),
  billed_price: z.object({ cents: z.number(), unit: z.string().nullish() }).nullish(),
}).transform((addon): HerokuAddon => ({
  id: addon.id,
  name: addon.name,
  service: addon.addon_service?.name ?? null,
  plan: addon.plan?.name ?? null,
  state: addon.state ?? null,
  priceCents: addon.billed_price?.cents ?? null,
  priceUnit: addon.billed_price?.unit ?? null,
})));

/**
 * `GET /apps/{app}/config-vars` is an object of names and values. Only the names are kept: the values are secrets, and
 * are dropped right here, while the response is parsed, so no caller can show one. A value is never looked at (any
 * JSON passes), so no validation message can quote one either.
 */
export const configVarNamesSchema = z.record(z.string(), z.unknown())
  .transform((vars): string[] => Object.keys(vars).sort());
