/**
 * Receipt secrets where they are stored (shared/data/table.ts ReceiptSecretEntity): sealed with the
 * tenant's personal-data key and hashed with its hash subkey; opened only to print form 01, checked
 * without opening.
 */
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import {
  receiptHashVersion,
  receiptSecretHash,
  receiptSecretMatches,
} from '../domain/citizens/receipt-secret';
import { deriveFieldKeys } from '../domain/personal-data/seal';
import { openText, textSealer } from './personal-data';
import { tenantKeys } from './personal-data-keys';
import { ReceiptSecretEntity } from './table';

export interface StoredReceiptSecret {
  sealed: string;
  hash: string;
}

const sealContext = (code: string) => ({ record: code, field: 'receiptSecret' });

/** The secret as it will be stored: fetch the keys before the synchronous transaction is built. */
export async function sealReceiptSecret(
  tenant: string,
  code: string,
  secret: string,
): Promise<StoredReceiptSecret> {
  const [seal, keys] = await Promise.all([textSealer(tenant), tenantKeys(tenant)]);
  return { sealed: seal(sealContext(code), secret), hash: receiptSecretHash(keys, tenant, code, secret) };
}

/** The transaction item that stores it with the new dossier; fails if one exists (it cannot). */
export const receiptSecretPut = (tenant: string, code: string, stored: StoredReceiptSecret) =>
  ReceiptSecretEntity.build(PutTransaction)
    .item({ tenant, code, ...stored })
    .options({ condition: { attr: 'hash', exists: false } });

async function storedSecret(tenant: string, code: string) {
  const { Item } = await ReceiptSecretEntity.build(GetItemCommand)
    .key({ tenant, code })
    .options({ consistent: true })
    .send();
  return Item;
}

/** The secret in clear, to print on form 01; undefined for dossiers made before secrets existed. */
export async function openReceiptSecret(tenant: string, code: string): Promise<string | undefined> {
  const item = await storedSecret(tenant, code);
  return item ? openText({ tenant, ...sealContext(code) }, item.sealed) : undefined;
}

/** Stand-in keys for a dossier without a secret: the check does the same work and fails. */
const DUMMY_KEYS = deriveFieldKeys(Buffer.alloc(32), 0);

/**
 * Whether `typed` is the dossier's secret. A dossier without one (or with none yet) still costs a
 * hash and a constant-time compare, and answers false: "unknown" and "wrong" look the same.
 */
export async function checkReceiptSecret(tenant: string, code: string, typed: string): Promise<boolean> {
  const item = await storedSecret(tenant, code);
  const version = item ? receiptHashVersion(item.hash) : undefined;
  const keys = version === undefined ? DUMMY_KEYS : await tenantKeys(tenant, version, { create: false });
  return receiptSecretMatches(keys, { tenant, code }, item?.hash ?? '', typed) && item !== undefined;
}
