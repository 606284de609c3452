/**
 * Creating a tenant's personal-data key of one version (personal-data-keys.ts keeps and caches
 * them). Its own module because it is the data keys' only write: a route that only opens sealed
 * data does not bundle dynamodb-toolbox's PutItem for it (issue 14).
 */
import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { deriveFieldKeys, type FieldKeys } from '../domain/personal-data/seal';
import { getKmsClient } from '../platform/aws-clients';
import { clock } from '../platform/clock';
import { ENV, requireEnv } from '../platform/env';
import { DataKeyEntity } from './entities/data-key';
import { tenantContext } from './personal-data-key-context';

const isConditionFailure = (error: unknown) =>
  (error as { name?: string })?.name === 'ConditionalCheckFailedException';

/**
 * Creates the version's key if none exists; whoever loses the race uses the winner's
 * (`readWinner`: the stored key, unwrapped, or undefined if it cannot be read).
 */
export async function createKey(
  tenant: string,
  version: number,
  readWinner: () => Promise<FieldKeys | undefined>,
): Promise<FieldKeys> {
  const kmsKeyId = requireEnv(ENV.personalDataKeyId);
  const { CiphertextBlob, Plaintext } = await getKmsClient().send(
    new GenerateDataKeyCommand({
      KeyId: kmsKeyId,
      KeySpec: 'AES_256',
      EncryptionContext: tenantContext(tenant),
    }),
  );
  if (!CiphertextBlob || !Plaintext) throw new Error(`KMS generated no data key for ${tenant}`);
  try {
    await DataKeyEntity.build(PutItemCommand)
      .item({
        tenant,
        version,
        wrapped: Buffer.from(CiphertextBlob).toString('base64'),
        kmsKeyId,
        createdAt: clock.now().toISOString(),
      })
      .options({ condition: { attr: 'wrapped', exists: false } })
      .send();
    return deriveFieldKeys(Plaintext, version);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const winner = await readWinner();
    if (!winner) throw error;
    return winner;
  }
}
