import type { ServerConfig } from '../config';
import type { PrincipalCache, TtlCache } from '../auth/principalCache';
import type { Database, Db } from '../db/database';

/** What every service needs: the database, the config, the token pepper and the clock. */
export interface ServiceContext {
  db: Db;
  database: Database;
  config: ServerConfig;
  pepper: string;
  /** ISO 8601 "now"; tests may pin it. */
  now: () => string;
  /** Short-lived cache of resolved tokens; absent in tools that do not serve requests. */
  principals?: PrincipalCache;
  /** Short-lived cache of map access checks (role, version) keyed by caller and map. */
  access?: TtlCache<unknown>;
}

/** Forgets every cached access decision; call after any change to roles, members or map state. */
export const forgetAccess = (ctx: ServiceContext) => ctx.access?.clear();

export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(iso) + days * 86_400_000).toISOString();
