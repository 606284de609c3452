/**
 * What every public page shares: how long each kind may be cached, and the tenant's chrome (its
 * province name, the language). Its own module so that a page's use case imports this and not the
 * other pages' use cases (issue 14 §3: the tracking page's function does not bundle the catalog's).
 * Cache lifetimes fit how fast the data changes: a dossier moves within minutes, the catalog and
 * the API document change with an administrator's edit or a deployment.
 */
import type { Lang } from '../pages/i18n';
import type { TenantChrome } from '../pages/tracking';
import { requireTenantSettings } from './tenant';

export const MAX_AGE = { tracking: 60, catalog: 300, reference: 300, form: 3600 } as const;

export async function chromeOf(tenant: string, lang: Lang): Promise<TenantChrome> {
  const settings = await requireTenantSettings(tenant);
  return { tenant, lang, provinceName: settings.name };
}
