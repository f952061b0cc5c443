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
