/**
 * The last line `npm start` prints once the cloud serves: `MOTCUA_READY {json}`. Scripts and the
 * integration harness read it; kept in its own module so readers import it without starting a cloud.
 */
export const READY_PREFIX = 'MOTCUA_READY ';

export interface ReadyInfo {
  baseUrl: string;
  /** A token per demo staff username, and `citizen`. */
  tokens: Record<string, string>;
  ports: { api: number; dynamodb: number; s3: number; sfn: number; sqs: number };
  endpoints: { dynamodb: string; s3: string; sfn: string; sqs: string; kms: string };
  /** Local queue name → URL, e.g. `mot-cua-webhook-events`. */
  queues: Record<string, string>;
  /** State machine name → ARN, e.g. `mot-cua-deadline-clock`. */
  stateMachines: Record<string, string>;
  tableName: string;
  bucketName: string;
  tenant: string;
  dataDir: string;
  pid: number;
}

export const readyLine = (info: ReadyInfo): string => `${READY_PREFIX}${JSON.stringify(info)}`;

/** The READY info in some output, if the line is there. */
export function findReadyInfo(output: string): ReadyInfo | undefined {
  const line = output.split('\n').find((l) => l.startsWith(READY_PREFIX));
  return line ? (JSON.parse(line.slice(READY_PREFIX.length)) as ReadyInfo) : undefined;
}
