/**
 * A dossier by its code: one consistent GetItem. Apart from dossier-repo.ts's writes so that a
 * route which reads a dossier bundles dynamodb-toolbox's GetItem alone, not its update and
 * transaction builders (issue 14).
 */
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import type { Dossier } from '../domain/dossier/model';
import { DossierEntity } from './entities/dossier';

export async function getDossier(tenant: string, code: string): Promise<Dossier | undefined> {
  const { Item } = await DossierEntity.build(GetItemCommand)
    .key({ tenant, code })
    .options({ consistent: true })
    .send();
  return Item ? (Item.body as Dossier) : undefined;
}
