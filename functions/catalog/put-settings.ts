import { putTenantSettingsContract } from '../../shared/api/contracts/putTenantSettings';
import { httpHandler } from '../../shared/platform/http';
import { saveTenantSettings } from '../../shared/usecases/catalog';

export const handler = httpHandler(putTenantSettingsContract, async ({ body, principal }) => ({
  status: 200,
  body: await saveTenantSettings(principal.tenant, body),
}));
