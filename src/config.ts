/** Site configuration that a deployer may change without touching code. */
import { embedAncestors } from './deploy/policy.ts';
import { DEFAULT_THRESHOLD, MIN_THRESHOLD } from './derive/suppression.ts';

export interface SiteConfig {
  /** Appraisal group threshold (contract §5): may be raised, never below 5. */
  threshold: number;
  /** Build date: SOURCE_DATE_EPOCH when set, so that the same input gives the same bytes. */
  buildDate: string;
  /** Who may frame the embeds (`frame-ancestors`): KT_EMBED_FRAME_ANCESTORS, default any site. */
  embedAncestors: string;
  /** The site's public address (KT_SITE_URL), for absolute links in citations and the feed; null when unknown. */
  siteUrl: string | null;
}

export class ConfigError extends Error {}

export function siteConfig(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const raw = env.KT_AMBANG_KELOMPOK;
  const threshold = raw === undefined || raw === '' ? DEFAULT_THRESHOLD : Number(raw);
  if (!Number.isInteger(threshold) || threshold < MIN_THRESHOLD) {
    throw new ConfigError(
      `KT_AMBANG_KELOMPOK=${raw}: ambang kelompok harus bilangan bulat ≥ ${MIN_THRESHOLD} / the group threshold must be a whole number ≥ ${MIN_THRESHOLD}`,
    );
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch ? new Date(Number(epoch) * 1000) : new Date();
  let ancestors: string;
  try {
    ancestors = embedAncestors(env.KT_EMBED_FRAME_ANCESTORS);
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  return {
    threshold,
    buildDate: date.toISOString().slice(0, 10),
    embedAncestors: ancestors,
    siteUrl: env.KT_SITE_URL ? env.KT_SITE_URL.replace(/\/+$/, '') : null,
  };
}
