import { getTenantSettingsContract } from '../../shared/api/contracts/getTenantSettings';
import { getTenantSettingsMeta } from '../../shared/api/route-meta/getTenantSettings';
import { httpHandler } from '../../shared/platform/http';
import { tenantSettingsOf } from '../../shared/usecases/catalog';

export const handler = httpHandler(
  getTenantSettingsMeta,
  getTenantSettingsContract,
  async ({ principal }) => ({
    status: 200,
    body: await tenantSettingsOf(principal.tenant),
  }),
);
