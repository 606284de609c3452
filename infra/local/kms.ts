/**
 * The offline stand-in for AWS KMS, as much of it as the personal-data keys use
 * (shared/data/personal-data-keys.ts): `GenerateDataKey`, `Decrypt` and `Encrypt` of the KMS JSON
 * protocol (`X-Amz-Target: TrentService.<Operation>`, awsJson1_1, blobs as base64), for one
 * symmetric key whose 32 bytes are kept under `<dataDir>/kms/master.key`, made on first start.
 *
 * Like KMS, a ciphertext is bound to its encryption context (the AAD of an AES-256-GCM seal under
 * the master key): `Decrypt` with another context (another tenant) fails with
 * InvalidCiphertextException. What it is not: an HSM. The master key is a file readable by whoever
 * reads `.data/` (docs/personal-data.md says what offline cannot prove).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { LOCAL_REGION } from './api-event';
import { LOCAL_ACCOUNT } from './sqs/queues';

/** The one key's ARN: what CDK's key is in AWS (PERSONAL_DATA_KEY_ID). */
export const LOCAL_KMS_KEY_ARN = `arn:aws:kms:${LOCAL_REGION}:${LOCAL_ACCOUNT}:key/00000000-0000-4000-8000-00000000c0de`;

const MAGIC = Buffer.from('LKMS1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** The encryption context as AAD: sorted, so `{a,b}` and `{b,a}` are one context, as in KMS. */
const contextAad = (context: unknown): Buffer => {
  const entries = Object.entries((context ?? {}) as Record<string, string>).sort(([a], [b]) =>
    a < b ? -1 : 1,
  );
  return Buffer.from(JSON.stringify(entries), 'utf8');
};

export interface LocalKms {
  handle(operation: string, input: Record<string, unknown>): Record<string, unknown>;
}

/** The key's operations over a master key (pure but for randomness): what the server serves. */
export function localKmsOver(master: Buffer): LocalKms {
  const knownKey = (keyId: unknown) => {
    // The ARN, its bare id, or absent (Decrypt of a symmetric ciphertext needs no key id).
    if (keyId === undefined || keyId === LOCAL_KMS_KEY_ARN || keyId === LOCAL_KMS_KEY_ARN.split('/')[1])
      return;
    throw new KmsError('NotFoundException', `Key '${String(keyId)}' does not exist`);
  };
  const seal = (plain: Buffer, context: unknown) => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', master, iv);
    cipher.setAAD(contextAad(context));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]).toString('base64');
  };
  const open = (blob: unknown, context: unknown) => {
    const bytes = Buffer.from(String(blob ?? ''), 'base64');
    const invalid = () =>
      new KmsError('InvalidCiphertextException', 'The ciphertext is invalid for this key or context');
    if (bytes.length < MAGIC.length + IV_BYTES + TAG_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
      throw invalid();
    const iv = bytes.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
    const tag = bytes.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', master, iv);
      decipher.setAAD(contextAad(context));
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(bytes.subarray(MAGIC.length + IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw invalid();
    }
  };
  return {
    handle(operation, input) {
      knownKey(input.KeyId);
      switch (operation) {
        case 'GenerateDataKey': {
          const bytes = input.KeySpec === 'AES_128' ? 16 : Number(input.NumberOfBytes ?? 32);
          const plain = randomBytes(bytes);
          return {
            KeyId: LOCAL_KMS_KEY_ARN,
            Plaintext: plain.toString('base64'),
            CiphertextBlob: seal(plain, input.EncryptionContext),
          };
        }
        case 'Encrypt':
          return {
            KeyId: LOCAL_KMS_KEY_ARN,
            CiphertextBlob: seal(
              Buffer.from(String(input.Plaintext ?? ''), 'base64'),
              input.EncryptionContext,
            ),
          };
        case 'Decrypt':
          return {
            KeyId: LOCAL_KMS_KEY_ARN,
            Plaintext: open(input.CiphertextBlob, input.EncryptionContext).toString('base64'),
          };
        default:
          throw new KmsError('UnsupportedOperationException', `${operation} is not served offline`);
      }
    },
  };
}

/** The master key under `directory`, made (32 random bytes, owner-only) on first start. */
export async function masterKey(directory: string): Promise<Buffer> {
  const file = path.join(directory, 'master.key');
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(directory, { recursive: true });
  const key = randomBytes(32);
  // `wx`: two starts racing on one directory keep the first key.
  await writeFile(file, key, { flag: 'wx', mode: 0o600 }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return readFile(file);
}

export interface LocalKmsServer {
  endpoint: string;
  /** Calls served, by operation: what the bench's cold path counts. */
  calls: Record<string, number>;
  stop(): Promise<void>;
}

export async function startLocalKms(options: {
  directory: string;
  host: string;
  port?: number;
}): Promise<LocalKmsServer> {
  const kms = localKmsOver(await masterKey(options.directory));
  const calls: Record<string, number> = {};
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.startsWith('TrentService.') ? target.slice('TrentService.'.length) : '';
      let status = 200;
      let body: Record<string, unknown>;
      try {
        const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
        body = kms.handle(operation, input);
        calls[operation] = (calls[operation] ?? 0) + 1;
      } catch (error) {
        status = 400;
        body =
          error instanceof KmsError
            ? { __type: error.type, message: error.message }
            : { __type: 'SerializationException', message: 'malformed request' };
      }
      res.writeHead(status, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': crypto.randomUUID(),
      });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${options.host}:${port}`,
    calls,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
