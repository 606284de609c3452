/**
 * The cost of sealing personal data (issue 11 §5, docs/personal-data.md), `BENCH_ONLY=seal npm run
 * bench`, in this process, no cloud:
 * - per field: seal and open of one value (an ID number, an address), the four fields of an
 *   applicant, and the ID number's keyed hash, in µs (median of batches);
 * - the cold path, the first use of a tenant's key in a container: KMS GenerateDataKey (a new
 *   tenant) or Decrypt (an existing one) through the AWS SDK against the local KMS on 127.0.0.1,
 *   plus the HKDF of the two subkeys. In AWS add a KMS round trip (a few ms in-region) and the
 *   GetItem of the wrapped key; a warm container pays neither (keys cached 15 min).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  deriveFieldKeys,
  idNumberHash,
  openApplicant,
  openValue,
  sealApplicant,
  sealValue,
} from '../shared/domain/personal-data/seal';
import { LOCAL_KMS_KEY_ARN, startLocalKms } from '../infra/local/kms';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './call-trace';
import { table } from './report';
import { median, percentile } from './stats';

const BATCHES = 20;
const PER_BATCH = 2_000;
const COLD_CALLS = 50;

export interface SealFigures {
  perField: Array<{ what: string; us: number }>;
  cold: Array<{ what: string; p50Ms: number; p99Ms: number }>;
  node: string;
  cpu: string;
}

/** Median µs per call of `body` over BATCHES batches of PER_BATCH calls (after a warm-up batch). */
function microseconds(body: (i: number) => unknown): number {
  for (let i = 0; i < PER_BATCH; i += 1) body(i);
  const batches: number[] = [];
  for (let b = 0; b < BATCHES; b += 1) {
    const t0 = performance.now();
    for (let i = 0; i < PER_BATCH; i += 1) body(i);
    batches.push(((performance.now() - t0) * 1000) / PER_BATCH);
  }
  return median(batches);
}

async function timed(body: () => Promise<unknown>): Promise<{ p50Ms: number; p99Ms: number }> {
  await body();
  const samples: number[] = [];
  for (let i = 0; i < COLD_CALLS; i += 1) {
    const t0 = performance.now();
    await body();
    samples.push(performance.now() - t0);
  }
  return { p50Ms: median(samples), p99Ms: percentile(samples, 99) };
}

export async function sealFigures(): Promise<SealFigures> {
  const keys = deriveFieldKeys(Buffer.alloc(32, 7), 1);
  const where = { tenant: 'quang-tri', record: '000.30.01.H99-261201-0001' };
  const id = { ...where, field: 'applicant.idNumber' };
  const addressField = { ...where, field: 'applicant.address' };
  const address = 'Số 17 đường Lê Lợi, phường Đông Hà, tỉnh Quảng Trị';
  const applicant = {
    idNumber: '079123456789',
    phone: '0912345678',
    email: 'nguyen.van.a@example.vn',
    address,
  };
  const sealedId = sealValue(keys, id, applicant.idNumber);
  const sealedAddress = sealValue(keys, addressField, address);
  const sealedApplicant = sealApplicant(keys, where, applicant);
  const perField = [
    {
      what: 'seal an ID number (12 digits)',
      us: microseconds(() => sealValue(keys, id, applicant.idNumber)),
    },
    { what: 'open an ID number', us: microseconds(() => openValue(keys, id, sealedId)) },
    { what: 'seal an address (52 chars)', us: microseconds(() => sealValue(keys, addressField, address)) },
    { what: 'open an address', us: microseconds(() => openValue(keys, addressField, sealedAddress)) },
    { what: 'seal an applicant (4 fields)', us: microseconds(() => sealApplicant(keys, where, applicant)) },
    {
      what: 'open an applicant (4 fields)',
      us: microseconds(() => openApplicant(() => keys, where, sealedApplicant)),
    },
    { what: 'keyed hash of an ID number', us: microseconds(() => idNumberHash(keys, applicant.idNumber)) },
    {
      what: 'HKDF of the two subkeys',
      us: microseconds((i) => deriveFieldKeys(Buffer.alloc(32, i & 255), 1)),
    },
  ];

  const dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-bench-kms-'));
  const server = await startLocalKms({ directory: dir, host: '127.0.0.1' });
  const kms = new KMSClient({
    endpoint: server.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  try {
    const context = { tenant: 'quang-tri' };
    const made = await kms.send(
      new GenerateDataKeyCommand({
        KeyId: LOCAL_KMS_KEY_ARN,
        KeySpec: 'AES_256',
        EncryptionContext: context,
      }),
    );
    const cold = [
      {
        what: 'new tenant: GenerateDataKey + HKDF',
        ...(await timed(async () => {
          const key = await kms.send(
            new GenerateDataKeyCommand({
              KeyId: LOCAL_KMS_KEY_ARN,
              KeySpec: 'AES_256',
              EncryptionContext: context,
            }),
          );
          deriveFieldKeys(key.Plaintext as Uint8Array, 1);
        })),
      },
      {
        what: 'existing tenant: Decrypt + HKDF',
        ...(await timed(async () => {
          const key = await kms.send(
            new DecryptCommand({
              KeyId: LOCAL_KMS_KEY_ARN,
              CiphertextBlob: made.CiphertextBlob,
              EncryptionContext: context,
            }),
          );
          deriveFieldKeys(key.Plaintext as Uint8Array, 1);
        })),
      },
    ];
    return { perField, cold, node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown' };
  } finally {
    kms.destroy();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export function renderSeal(f: SealFigures): string {
  return [
    '## Sealing personal data (issue 11 §5)',
    '',
    `In-process, ${f.node}, ${f.cpu}; median of ${BATCHES} batches of ${PER_BATCH} calls.`,
    '',
    table(
      ['operation', 'µs per call'],
      f.perField.map((r) => [r.what, r.us.toFixed(2)]),
      ['left', 'right'],
    ),
    '',
    `Cold path (first use of a tenant's key in a container), ${COLD_CALLS} calls to the local KMS over HTTP on 127.0.0.1:`,
    '',
    table(
      ['path', 'p50 ms', 'p99 ms'],
      f.cold.map((r) => [r.what, r.p50Ms.toFixed(2), r.p99Ms.toFixed(2)]),
      ['left', 'right', 'right'],
    ),
    '',
  ].join('\n');
}
