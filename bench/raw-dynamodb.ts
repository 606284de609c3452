/**
 * The floor under submit and track: the same DynamoDB calls, issued straight with the AWS SDK's
 * low-level client, with the same concurrency between them as the use cases have (what they
 * await together with Promise.all runs in parallel here too), and nothing else: no gateway, no
 * JWT check, no middy, no zod, no dynamodb-toolbox, no views.
 *
 * The request bodies are the ones call-trace.ts recorded from the real use cases, so item sizes,
 * expressions and flags (ConsistentRead, ReturnValues, conditions) are the code's own. Only the
 * dossier code changes per request. The plans below state the order the code awaits the calls
 * in; `checkPlan` fails the bench when the traced calls no longer fit it, so this file cannot
 * silently drift from shared/usecases.
 */
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type GetItemCommandInput,
  type QueryCommandInput,
  type TransactWriteItemsCommandInput,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { performance } from 'node:perf_hooks';
import type { TracedCall, UseCaseTraces } from './call-trace';
import { median } from './stats';

/** Groups of calls in the order the use case awaits them; calls within a group run together. */
type Plan = readonly (readonly string[])[];

/** shared/usecases/reception.ts submitDossier, then dossier-views.ts fullView for the answer. */
export const SUBMIT_PLAN: Plan = [
  ['GetItemCommand', 'GetItemCommand', 'QueryCommand'], // tenant profile, procedure, agencies (Promise.all)
  ['UpdateItemCommand'], // nextSequence: the receiving agency's daily counter
  ['TransactWriteItemsCommand'], // createDossier: dossier + history + outbox
];

/**
 * functions/dossiers/track.ts on the warm path: the public client's fair-share bucket write
 * (shared/platform/fair-share-gate.ts, alongside the reads since the route only reads) and
 * dossier-views.ts track's three reads (Promise.all), all at once.
 */
export const TRACK_PLAN: Plan = [['UpdateItemCommand', 'GetItemCommand', 'QueryCommand', 'QueryCommand']];

/** The traced calls split into the plan's groups; throws when they do not fit. */
export function checkPlan(name: string, plan: Plan, calls: readonly TracedCall[]): TracedCall[][] {
  const groups: TracedCall[][] = [];
  let at = 0;
  for (const expected of plan) {
    const group = calls.slice(at, at + expected.length);
    at += expected.length;
    const sorted = (names: readonly string[]) => [...names].sort().join(',');
    if (sorted(group.map((c) => c.command)) !== sorted(expected)) break;
    groups.push(group);
  }
  if (groups.length !== plan.length || at !== calls.length) {
    throw new Error(
      `${name} now makes these DynamoDB calls: ${calls.map((c) => c.command).join(', ')}; ` +
        `bench/raw-dynamodb.ts expects ${plan.map((g) => g.join(' + ')).join(', then ')}. Update the plan.`,
    );
  }
  return groups;
}

/** A traced request with the dossier code as a placeholder, re-filled per request. */
class Template {
  private readonly json: string;
  constructor(
    readonly call: TracedCall,
    private readonly code: string,
  ) {
    // The SDK fills TransactWriteItems' ClientRequestToken anew for every call; replaying the
    // traced one with other items would be refused as IdempotentParameterMismatch.
    const { ClientRequestToken: _token, ...input } = call.input;
    this.json = JSON.stringify(input);
  }
  input<T>(code = this.code): T {
    const input = JSON.parse(code === this.code ? this.json : this.json.split(this.code).join(code)) as T;
    return isBucketWrite(this.call) ? (nowInBucketWrite(input as UpdateItemCommandInput) as T) : input;
  }
}

/** The fair-share bucket's conditional write (shared/platform/rate-bucket-store.ts). */
const isBucketWrite = (call: TracedCall) =>
  call.command === 'UpdateItemCommand' &&
  String((call.input.Key as Record<string, AttributeValue> | undefined)?.PK?.S).startsWith('RATE#');

/**
 * The traced bucket write moved to the present: its values are times (`:now`, the TAT it sets or
 * allows, `:expiresAt` in seconds) taken when it was traced, and a replay with those would judge
 * today's TAT by an old clock. Each moves by the time since; the interval stays.
 */
function nowInBucketWrite(input: UpdateItemCommandInput): UpdateItemCommandInput {
  const values = input.ExpressionAttributeValues ?? {};
  const tracedNow = Number(values[':now']?.N);
  if (!Number.isFinite(tracedNow)) throw new Error('the traced bucket write has no :now');
  const shiftMs = Date.now() - tracedNow;
  for (const [name, value] of Object.entries(values)) {
    if (name === ':interval' || value.N === undefined) continue;
    const shift = name === ':expiresAt' ? Math.ceil(shiftMs / 1000) : shiftMs;
    values[name] = { N: String(Number(value.N) + shift) };
  }
  return input;
}

/** Bucket writes of the raw runs refused by their condition (reported; our store retries those). */
let conditionFailures = 0;
export const rawBucketConditionFailures = (): number => conditionFailures;

/** Latency of each call during a raw run: which of them the floor is made of. */
export class CallTimer {
  private readonly samples = new Map<TracedCall, number[]>();
  record(call: TracedCall, ms: number): void {
    const list = this.samples.get(call);
    if (list) list.push(ms);
    else this.samples.set(call, [ms]);
  }
  /** Forget the warm-up. */
  reset(): void {
    this.samples.clear();
  }
  medianMs(call: TracedCall): number | undefined {
    const list = this.samples.get(call);
    return list ? median(list) : undefined;
  }
}

async function send(
  client: DynamoDBClient,
  template: Template,
  timer: CallTimer,
  code?: string,
): Promise<unknown> {
  const t0 = performance.now();
  const result = await sendOnce(client, template, code);
  timer.record(template.call, performance.now() - t0);
  return result;
}

/** One call, sent as the use case sends it; a Query follows LastEvaluatedKey like the repos do. */
async function sendOnce(client: DynamoDBClient, template: Template, code?: string): Promise<unknown> {
  switch (template.call.command) {
    case 'GetItemCommand':
      return client.send(new GetItemCommand(template.input<GetItemCommandInput>(code)));
    case 'UpdateItemCommand':
      try {
        return await client.send(new UpdateItemCommand(template.input<UpdateItemCommandInput>(code)));
      } catch (error) {
        // A bucket write whose condition failed (another worker's write in the same millisecond)
        // was answered like any other: one round trip, counted as done. The store would write again.
        if (isBucketWrite(template.call) && error instanceof ConditionalCheckFailedException) {
          conditionFailures += 1;
          return undefined;
        }
        throw error;
      }
    case 'TransactWriteItemsCommand':
      return client.send(new TransactWriteItemsCommand(template.input<TransactWriteItemsCommandInput>(code)));
    case 'QueryCommand': {
      const input = template.input<QueryCommandInput>(code);
      let startKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return undefined;
    }
    default:
      throw new Error(`no raw replay for ${template.call.command}`);
  }
}

const allOf = (client: DynamoDBClient, group: readonly Template[], timer: CallTimer, code?: string) =>
  Promise.all(group.map((t) => send(client, t, timer, code)));

/**
 * One raw submit: the traced bodies, with the dossier code made from the number the counter
 * returns, as the use case does, so each transaction writes a new dossier like a real submit.
 */
export function rawSubmit(
  client: DynamoDBClient,
  traces: UseCaseTraces,
  timer: CallTimer,
): () => Promise<void> {
  const [load, [sequence], [write]] = checkPlan('submit', SUBMIT_PLAN, traces.submit).map((group) =>
    group.map((call) => new Template(call, traces.dossierCode)),
  ) as [Template[], Template[], Template[]];
  const prefix = traces.dossierCode.replace(/-\d+$/, '');
  return async () => {
    await allOf(client, load, timer);
    const { Attributes } = (await send(client, sequence!, timer)) as {
      Attributes?: Record<string, AttributeValue>;
    };
    const value = Number(Attributes?.value?.N);
    if (!Number.isInteger(value)) throw new Error('the sequence counter returned no number');
    await send(client, write!, timer, `${prefix}-${String(value).padStart(4, '0')}`);
  };
}

/** One raw track of the next dossier of `codes`, round-robin like the HTTP load. */
export function rawTrack(
  client: DynamoDBClient,
  traces: UseCaseTraces,
  codes: readonly string[],
  timer: CallTimer,
): () => Promise<void> {
  const [reads] = checkPlan('track', TRACK_PLAN, traces.track).map((group) =>
    group.map((call) => new Template(call, traces.dossierCode)),
  ) as [Template[]];
  let next = 0;
  return async () => {
    const code = codes[next++ % codes.length]!;
    await allOf(client, reads, timer, code);
  };
}

/**
 * One line per call for the report, e.g. `GetItem PK = TENANT#demo, SK = #PROFILE ∥ — p50 3.1 ms`
 * (∥: issued together with the other calls of its group; the time is from the raw run).
 */
export function describeCalls(
  plan: Plan,
  calls: readonly TracedCall[],
  code: string,
  timer: CallTimer,
): string[] {
  const groups = checkPlan('describe', plan, calls);
  return groups.flatMap((group) => {
    const together = group.length > 1 ? ' ∥' : '';
    return group.map((call) => {
      const ms = timer.medianMs(call);
      const time = ms === undefined ? '' : ` — p50 ${ms.toFixed(1)} ms`;
      return `${describe(call).split(code).join('{code}')}${together}${time}`;
    });
  });
}

function describe({ command, input }: TracedCall): string {
  const name = command.replace(/Command$/, '');
  const key = (k: unknown) =>
    Object.entries((k ?? {}) as Record<string, AttributeValue>)
      .map(([attr, v]) => `${attr} = ${v.S ?? v.N ?? '…'}`)
      .join(', ');
  switch (command) {
    case 'GetItemCommand':
      return `${name} ${key(input.Key)}${input.ConsistentRead ? ' (consistent read)' : ''}`;
    case 'UpdateItemCommand': {
      // The SET part is dynamodb-toolbox's bookkeeping (_et, _ct, _md, key attributes): counted, not listed.
      const expression = substitute(String(input.UpdateExpression), input);
      const add = /ADD .*/.exec(expression)?.[0] ?? expression;
      const sets = (/SET (.*?)(?: ADD|$)/.exec(expression)?.[1] ?? '').split(' = ').length - 1;
      return `${name} ${key(input.Key)}: ${add} (+ SET of ${sets} attributes)${input.ReturnValues ? `, ${String(input.ReturnValues)}` : ''}`;
    }
    case 'QueryCommand': {
      const filter = input.FilterExpression
        ? `, filter ${substitute(String(input.FilterExpression), input)}`
        : '';
      return `${name} ${substitute(String(input.KeyConditionExpression), input)}${filter}, all pages`;
    }
    case 'TransactWriteItemsCommand': {
      const items = (input.TransactItems ?? []) as Array<{ Put?: { Item: Record<string, AttributeValue> } }>;
      const kinds = new Map<string, number>();
      for (const item of items) {
        const sk = item.Put?.Item.SK?.S ?? 'other';
        const kind = sk.startsWith('#') ? sk : `${sk.split('#')[0]}#…`;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      const parts = [...kinds].map(([kind, n]) => `${n} × ${kind}`).join(', ');
      const bytes = JSON.stringify(input).length;
      return `${name} of ${items.length} puts (${parts}), ${(bytes / 1024).toFixed(1)} KB request`;
    }
    default:
      return name;
  }
}

/** An expression with its #names and :values filled in, for reading. */
function substitute(expression: string, input: Record<string, unknown>): string {
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, AttributeValue>;
  return expression
    .replace(/#[A-Za-z0-9_]+/g, (n) => names[n] ?? n)
    .replace(/:[A-Za-z0-9_]+/g, (v) => values[v]?.S ?? values[v]?.N ?? v);
}
