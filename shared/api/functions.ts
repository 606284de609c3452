/**
 * The function table: every function that is not an HTTP route (those are in ./routes.ts) — stream
 * consumers and workflow tasks now, webhook delivery and report aggregation later. CDK builds one
 * Lambda per entry (infra/stacks/workflow-stack.ts) with its timeout, memory, event source and
 * exactly the grants its `access` names; the offline cloud (infra/local) runs the same entries with
 * the same filters, batch sizes and timeouts, and gives each only the environment its `access`
 * names. Nothing about these functions is written anywhere else.
 */
import { DEADLINE_CLOCK } from './deadline-clock';
import { SUBSCRIBED_QUEUES, type QueueId } from './queues';
import { CONSUMER_REASON, type BundleBudget } from './bundle-budgets';
import type { ResourceAccess } from './route-meta';

/**
 * The state machines, by id: their ASL file and the variable that carries their ARN to the
 * functions allowed to start them. A function table entry names a machine by this id.
 */
export const WORKFLOWS = {
  deadlineClock: {
    definitionFile: DEADLINE_CLOCK.definitionFile,
    arnEnv: DEADLINE_CLOCK.stateMachineArnEnv,
  },
} as const;
export type WorkflowId = keyof typeof WORKFLOWS;

/**
 * Item actions granted one by one on the base table (never an index): for a function whose every
 * call is known. `Query` here reads the base table only (one partition by key), never an index. `TransactWriteItems` needs no action of its own: a transaction of Puts is `PutItem`.
 */
export type TableItemAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:Query'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:ConditionCheckItem';

/** Reads by key and by index; `ConditionCheckItem` lets a read-only handler guard a transaction. */
export const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
] as const;
/** Item writes; `TransactWriteItems` needs no action of its own, only these per item. */
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;

/** What a function may touch. A route's `ResourceAccess` is the subset HTTP handlers use. */
export interface FunctionAccess {
  /** `read` / `readWrite` as for routes, or exactly these item actions on the base table. */
  table?: ResourceAccess['table'] | { readonly items: readonly TableItemAction[] };
  bucket?: ResourceAccess['bucket'];
  /** State machines it starts executions of (and describes its executions, to restart dead ones). */
  startExecution?: readonly WorkflowId[];
  /** The event bus's queues (shared/api/queues.ts) it sends to or consumes. */
  queue?: QueueAccess;
  /** Checks or reaches webhook targets, as for routes (ResourceAccess['webhookTargets']). */
  webhookTargets?: boolean;
  /** App clients of the user pool (see ResourceAccess.cognito). */
  cognito?: ResourceAccess['cognito'];
  /** The API's public base URL (PUBLIC_BASE_URL), as for routes. */
  publicBaseUrl?: ResourceAccess['publicBaseUrl'];
  /**
   * Sends notifications to applicants: ses:SendEmail on the verified identity and sns:Publish (SMS
   * to phone numbers), with NOTIFY_EMAIL_FROM; offline, the local mailbox's endpoints.
   */
  notifications?: boolean;
  /** Seals or opens applicants' personal data, as for routes (ResourceAccess['personalData']). */
  personalData?: ResourceAccess['personalData'];
  /** Appends audit records, as for routes (ResourceAccess['audit']). */
  audit?: ResourceAccess['audit'];
}

/**
 * Queue grants. `consume` is what its event source mapping needs (receive, delete, attributes);
 * `changeVisibility` adds sqs:ChangeMessageVisibility on that queue, for a consumer that backs off
 * by hiding a message longer (the webhook deliverer).
 */
export interface QueueAccess {
  readonly send?: readonly QueueId[];
  readonly consume?: QueueId;
  readonly changeVisibility?: boolean;
}

/** A Lambda event filter pattern, as FilterCriteria takes it and the offline poller reads it. */
export type FilterPatternDef = { readonly [key: string]: FilterPatternDef | readonly unknown[] };

/** Fed by the table's DynamoDB stream through an event source mapping. */
export interface TableStreamSource {
  readonly kind: 'tableStream';
  /** A record reaches the function when any pattern matches; at least one, or every write would. */
  readonly filters: readonly FilterPatternDef[];
  /** Records per invocation (BatchSize). */
  readonly batchSize: number;
  /** Retries of a failed batch before its position goes to the dead-letter queue. */
  readonly retryAttempts: number;
  /** Records older than this are given up (MaximumRecordAgeInSeconds). */
  readonly maxRecordAgeSeconds: number;
  /** Split a batch that fails as a whole, so one poison record cannot hold back the others. */
  readonly bisectBatchOnError: boolean;
  /** The handler names the first failed record; only it and the ones after are retried. */
  readonly reportBatchItemFailures: boolean;
}

/** The Task of one state of a state machine: its ASL refers to the function as `${placeholder}`. */
export interface WorkflowTaskSource {
  readonly kind: 'workflowTask';
  readonly workflow: WorkflowId;
  readonly state: string;
  /** The ASL placeholder the function's ARN replaces (DefinitionSubstitutions). */
  readonly placeholder: string;
}

/** Fed by one of the event bus's queues through an SQS event source mapping. */
export interface QueueSource {
  readonly kind: 'queue';
  readonly queue: QueueId;
  /** Messages per invocation (BatchSize, 1–10 without a batching window). */
  readonly batchSize: number;
  /** Wait up to this long to fill a batch (MaximumBatchingWindowInSeconds). */
  readonly maxBatchingWindowSeconds?: number;
  /** Always: the handler names each failed message (itemIdentifier = messageId). */
  readonly reportBatchItemFailures: true;
}

/** The app's log groups a function may subscribe to: the API stage's access log, for now. */
export type LogGroupId = 'apiAccessLog';

/**
 * Fed by a CloudWatch Logs subscription filter on one of the app's log groups: batches of lines,
 * gzipped and base64-encoded, invoked asynchronously (Lambda retries a failed batch twice).
 */
export interface LogSubscriptionSource {
  readonly kind: 'logSubscription';
  readonly logGroup: LogGroupId;
  /** CloudWatch Logs filter pattern; '' passes every line. */
  readonly filterPattern: string;
}

export type EventSourceDef = TableStreamSource | WorkflowTaskSource | QueueSource | LogSubscriptionSource;

/** The dispatcher's filter: every newly inserted outbox item, whatever its type. */
export const OUTBOX_INSERT_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { _et: { S: ['Outbox'] } } },
} as const;

export interface FunctionDef {
  /** Stable id; PascalCased, it is the CDK construct id (changing it replaces the deployed function). */
  readonly id: string;
  /** Handler module relative to the repo root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly source: EventSourceDef;
  readonly access: FunctionAccess;
  /** Its bundle's budget when above the default, with the reason (shared/api/bundle-budgets.ts). */
  readonly bundle?: BundleBudget;
}

export const FUNCTIONS = [
  {
    id: 'checkDeadlines',
    entry: 'functions/deadlines/check.ts',
    bundle: { kb: 550, reason: CONSUMER_REASON }, // 506 KB measured
    description:
      'Deadline clock task: re-reads one dossier and fires the due-soon/overdue events that are due',
    // Below the Task's TimeoutSeconds (30 in the ASL): a slow run ends as a Lambda error the Task
    // retries, with the function's own log line, rather than as a bare States.Timeout.
    timeoutSeconds: 20,
    memoryMb: 512,
    source: {
      kind: 'workflowTask',
      workflow: 'deadlineClock',
      state: 'CheckDeadlines',
      placeholder: 'CheckDeadlinesFunctionArn',
    },
    // getDossier and getTenant are GetItem; recordAlarm is a TransactWriteItems of two Puts (the
    // alarm mark and its outbox item), which needs PutItem only. No Query, no index, no Scan.
    access: { table: { items: ['dynamodb:GetItem', 'dynamodb:PutItem'] } },
  },
  {
    id: 'startClock',
    entry: 'functions/deadlines/start-clock.ts',
    description: 'Deadline clock starter: one execution per dossier.deadlines_changed event on its queue',
    // Up to ten StartExecution calls in a row, with the SDK's retries on throttling.
    timeoutSeconds: 30,
    memoryMb: 512,
    source: { kind: 'queue', queue: 'deadlineClock', batchSize: 10, reportBatchItemFailures: true },
    // It reads nothing from the table: the message carries the outbox item.
    access: { startExecution: ['deadlineClock'], queue: { consume: 'deadlineClock' } },
  },
  {
    id: 'dispatchOutbox',
    entry: 'functions/events/dispatch-outbox.ts',
    description: "Event bus: the table stream's one reader; copies each outbox item to its subscribed queues",
    // Up to ten SendMessageBatch calls per queue, with the SDK's retries.
    timeoutSeconds: 30,
    memoryMb: 256,
    source: {
      kind: 'tableStream',
      filters: [OUTBOX_INSERT_FILTER],
      batchSize: 100,
      // A stream keeps records for 24 hours: the age limit leaves most of that day to replay a
      // dead-lettered range (docs/deploy.md says how).
      retryAttempts: 10,
      maxRecordAgeSeconds: 3600,
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
    },
    // It reads nothing from the table (the stream record carries the item); it sends to exactly
    // the queues the subscriptions name.
    access: { queue: { send: SUBSCRIBED_QUEUES } },
  },
  {
    id: 'fanoutWebhooks',
    entry: 'functions/webhooks/fanout.ts',
    bundle: { kb: 575, reason: CONSUMER_REASON }, // 547 KB measured
    description: 'Webhooks: one delivery record and message per subscription that receives each event',
    // Ten events, each a query of the subscriptions (once per tenant per batch), at most one dossier
    // read, a put per delivery and a SendMessageBatch.
    timeoutSeconds: 30,
    memoryMb: 256,
    source: { kind: 'queue', queue: 'webhookEvents', batchSize: 10, reportBatchItemFailures: true },
    // Query (subscriptions), GetItem (dossier, an existing delivery), PutItem (conditional delivery).
    access: {
      table: { items: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem'] },
      queue: { consume: 'webhookEvents', send: ['webhookDeliveries'] },
      // Opens the dossier for the projection and seals the delivery body.
      personalData: true,
    },
  },
  {
    id: 'deliverWebhook',
    entry: 'functions/webhooks/deliver.ts',
    bundle: { kb: 600, reason: CONSUMER_REASON }, // 570 KB measured
    description:
      'Webhooks: one signed, SSRF-checked attempt per delivery message; backs off on its own queue',
    // Attempts run in parallel within a batch; one POST is bounded to 15 s, the reads and the
    // conditional write take milliseconds.
    timeoutSeconds: 20,
    memoryMb: 256,
    source: { kind: 'queue', queue: 'webhookDeliveries', batchSize: 10, reportBatchItemFailures: true },
    // GetItem (delivery, subscription, tenant settings), PutItem (the attempt, conditional),
    // UpdateItem (the subscription's failing mark, disabling it).
    access: {
      table: { items: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'] },
      queue: { consume: 'webhookDeliveries', changeVisibility: true },
      webhookTargets: true,
      // Opens the sealed body it signs and sends.
      personalData: true,
    },
  },
  {
    id: 'sendNotifications',
    entry: 'functions/notifications/send.ts',
    bundle: { kb: 650, reason: CONSUMER_REASON }, // 601 KB measured
    description:
      'Notifications: e-mail (SES) and SMS (SNS) to applicants who agreed, once per event and channel',
    // Ten events, each at most two sends (SES, SNS: well under a second each) and a few reads.
    timeoutSeconds: 30,
    memoryMb: 256,
    source: { kind: 'queue', queue: 'notifications', batchSize: 10, reportBatchItemFailures: true },
    // GetItem (dossier, tenant, a notification record), Query (agencies, for where to collect),
    // PutItem (the conditional notification record; every change of it is a Put), UpdateItem (the
    // usage month's ADD, shared/usecases/meter-use.ts).
    access: {
      table: { items: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'] },
      queue: { consume: 'notifications' },
      publicBaseUrl: true,
      notifications: true,
      // Opens the applicant's e-mail and phone to send what they agreed to.
      personalData: true,
    },
  },
  {
    id: 'countReports',
    entry: 'functions/reports/count.ts',
    description: 'Reports: each event moves the report counters once (day, month, quarter, year)',
    // Ten events, each two GetItems and one small transaction, retried on a lost race.
    timeoutSeconds: 30,
    memoryMb: 256,
    source: { kind: 'queue', queue: 'reports', batchSize: 10, reportBatchItemFailures: true },
    // GetItem (dossier, report state), PutItem (the state) and UpdateItem (the counters' ADDs) in a
    // TransactWriteItems. No Query, no Scan, no index.
    access: {
      table: { items: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'] },
      queue: { consume: 'reports' },
    },
  },
  {
    id: 'countUsage',
    entry: 'functions/usage/count.ts',
    description: 'Metering: each event counted once in its tenant and month (dossiers received, actions)',
    // Ten events, each at most one GetItem (a submission's dossier, for its channel) and a
    // transaction of two items.
    timeoutSeconds: 30,
    memoryMb: 256,
    source: { kind: 'queue', queue: 'usage', batchSize: 10, reportBatchItemFailures: true },
    // GetItem (dossier), PutItem (the event's mark) and UpdateItem (the month's ADDs) in a
    // TransactWriteItems. No Query, no Scan, no index.
    access: {
      table: { items: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'] },
      queue: { consume: 'usage' },
    },
  },
  {
    id: 'countApiCalls',
    entry: 'functions/usage/count-api-calls.ts',
    description: 'Metering: API calls per tenant and month from the API access log, once per batch',
    // A batch of up to ~10,000 lines: parsing is milliseconds; one GetItem and one transaction per
    // tenant in it.
    timeoutSeconds: 30,
    memoryMb: 256,
    source: { kind: 'logSubscription', logGroup: 'apiAccessLog', filterPattern: '' },
    // GetItem (the tenant exists), PutItem (the batch's mark) and UpdateItem (the months' ADDs) in
    // a TransactWriteItems. No Query, no Scan, no index.
    access: { table: { items: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'] } },
  },
] as const satisfies readonly FunctionDef[];

export type FunctionId = (typeof FUNCTIONS)[number]['id'];

export function functionById(id: FunctionId): FunctionDef {
  const fn = FUNCTIONS.find((f) => f.id === id);
  if (!fn) throw new Error(`Unknown function ${id}`);
  return fn;
}

/** The Task functions of one state machine, by state name. */
export const tasksOf = (
  workflow: WorkflowId,
): readonly (FunctionDef & { readonly source: WorkflowTaskSource })[] =>
  (FUNCTIONS as readonly FunctionDef[]).filter(
    (f): f is FunctionDef & { source: WorkflowTaskSource } =>
      f.source.kind === 'workflowTask' && f.source.workflow === workflow,
  );

/** The functions fed by one of the event bus's queues. */
export const queueConsumers = (): readonly (FunctionDef & { readonly source: QueueSource })[] =>
  (FUNCTIONS as readonly FunctionDef[]).filter(
    (f): f is FunctionDef & { source: QueueSource } => f.source.kind === 'queue',
  );

/** The functions fed by a log group's subscription. */
export const logSubscribers = (): readonly (FunctionDef & { readonly source: LogSubscriptionSource })[] =>
  (FUNCTIONS as readonly FunctionDef[]).filter(
    (f): f is FunctionDef & { source: LogSubscriptionSource } => f.source.kind === 'logSubscription',
  );

/** The functions fed by the table's stream. */
export const streamConsumers = (): readonly (FunctionDef & { readonly source: TableStreamSource })[] =>
  (FUNCTIONS as readonly FunctionDef[]).filter(
    (f): f is FunctionDef & { source: TableStreamSource } => f.source.kind === 'tableStream',
  );
