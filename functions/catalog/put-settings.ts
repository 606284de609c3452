import { putTenantSettingsContract } from '../../shared/api/contracts/putTenantSettings';
import { putTenantSettingsMeta } from '../../shared/api/route-meta/putTenantSettings';
import { httpHandler } from '../../shared/platform/http';
import { saveTenantSettings } from '../../shared/usecases/catalog';

export const handler = httpHandler(
  putTenantSettingsMeta,
  putTenantSettingsContract,
  async ({ body, principal }) => ({
    status: 200,
    body: await saveTenantSettings(principal.tenant, body),
  }),
);
