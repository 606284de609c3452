/**
 * The local KMS (infra/local/kms.ts): a data key it generates unwraps only under the same
 * encryption context (another tenant's context fails, as in KMS); a tampered blob fails; an
 * unknown key id is refused; the master key is made once under its directory and kept across
 * starts; and the AWS SDK's own KMS client speaks to its server (the protocol the functions use).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { LOCAL_KMS_KEY_ARN, localKmsOver, masterKey, startLocalKms } from '../../../infra/local/kms';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'seal-kms-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('local KMS', () => {
  const kms = localKmsOver(Buffer.alloc(32, 5));

  it('unwraps a data key only under the context it was made with', () => {
    const made = kms.handle('GenerateDataKey', {
      KeyId: LOCAL_KMS_KEY_ARN,
      KeySpec: 'AES_256',
      EncryptionContext: { tenant: 'qt' },
    });
    expect(Buffer.from(String(made.Plaintext), 'base64')).toHaveLength(32);
    const back = kms.handle('Decrypt', {
      CiphertextBlob: made.CiphertextBlob,
      EncryptionContext: { tenant: 'qt' },
    });
    expect(back.Plaintext).toBe(made.Plaintext);
    expect(() =>
      kms.handle('Decrypt', { CiphertextBlob: made.CiphertextBlob, EncryptionContext: { tenant: 'hn' } }),
    ).toThrow(/invalid/);
    expect(() => kms.handle('Decrypt', { CiphertextBlob: made.CiphertextBlob })).toThrow(/invalid/);
    const blob = Buffer.from(String(made.CiphertextBlob), 'base64');
    blob[blob.length - 1] ^= 1;
    expect(() =>
      kms.handle('Decrypt', { CiphertextBlob: blob.toString('base64'), EncryptionContext: { tenant: 'qt' } }),
    ).toThrow(/invalid/);
    // Another master key (another machine's .data) cannot unwrap it either.
    expect(() =>
      localKmsOver(Buffer.alloc(32, 6)).handle('Decrypt', {
        CiphertextBlob: made.CiphertextBlob,
        EncryptionContext: { tenant: 'qt' },
      }),
    ).toThrow(/invalid/);
  });

  it('refuses an unknown key and an operation it does not serve', () => {
    expect(() => kms.handle('GenerateDataKey', { KeyId: 'alias/other', KeySpec: 'AES_256' })).toThrow(
      /does not exist/,
    );
    expect(() => kms.handle('ScheduleKeyDeletion', {})).toThrow(/not served/);
  });

  it('makes its master key once and keeps it', async () => {
    const first = await masterKey(path.join(dir, 'kms'));
    const again = await masterKey(path.join(dir, 'kms'));
    expect(first).toHaveLength(32);
    expect(again.equals(first)).toBe(true);
    expect((await readFile(path.join(dir, 'kms', 'master.key'))).equals(first)).toBe(true);
  });

  it('answers the AWS SDK over HTTP on 127.0.0.1, encryption context honoured', async () => {
    const server = await startLocalKms({ directory: path.join(dir, 'kms'), host: '127.0.0.1' });
    const client = new KMSClient({
      endpoint: server.endpoint,
      region: 'ap-southeast-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      const made = await client.send(
        new GenerateDataKeyCommand({
          KeyId: LOCAL_KMS_KEY_ARN,
          KeySpec: 'AES_256',
          EncryptionContext: { tenant: 'qt' },
        }),
      );
      const back = await client.send(
        new DecryptCommand({ CiphertextBlob: made.CiphertextBlob, EncryptionContext: { tenant: 'qt' } }),
      );
      expect(
        Buffer.from(back.Plaintext as Uint8Array).equals(Buffer.from(made.Plaintext as Uint8Array)),
      ).toBe(true);
      await expect(
        client.send(
          new DecryptCommand({ CiphertextBlob: made.CiphertextBlob, EncryptionContext: { tenant: 'hn' } }),
        ),
      ).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
      expect(server.calls).toEqual({ GenerateDataKey: 1, Decrypt: 1 });
    } finally {
      client.destroy();
      await server.stop();
    }
  });
});
