import { getTenantSettingsContract } from '../../shared/api/contracts/getTenantSettings';
import { httpHandler } from '../../shared/platform/http';
import { tenantSettingsOf } from '../../shared/usecases/catalog';

export const handler = httpHandler(getTenantSettingsContract, async ({ principal }) => ({
  status: 200,
  body: await tenantSettingsOf(principal.tenant),
}));
