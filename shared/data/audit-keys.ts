/**
 * Where audit records live, in a module of its own so the CDK code and the offline access guard can
 * read it without loading the data layer:
 *
 *   audit record   PK TENANT#<t>#AUDIT#<YYYY-MM-DD, Vietnamese day>   SK <UTC ISO instant>#<random id>
 */
export const auditPk = (tenant: string, day: string) => `TENANT#${tenant}#AUDIT#${day}`;

/**
 * IAM's `dynamodb:LeadingKeys` pattern of every audit partition (StringLike: `*` matches any run of
 * characters, `#` included). No other partition matches: tenant ids are `[a-z0-9-]`, and no other
 * key has an `#AUDIT#` segment (agency codes are `NNN.NN.NN.Hxx`, dossier codes digits, letters,
 * dots and dashes, webhook ids ULIDs, report levels fixed words).
 */
export const AUDIT_PARTITION_PATTERN = 'TENANT#*#AUDIT#*';

/** The same test in code (the offline access guard). */
export const isAuditPartition = (pk: string): boolean => /^TENANT#[^#]+#AUDIT#/.test(pk);

/** Every write that could change or remove an item, denied on audit partitions to every function. */
export const AUDIT_DENIED_ACTIONS = [
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  // IAM cannot tell a batch's puts from its deletes: the whole batch is denied on audit partitions
  // (records are written one by one with PutItem and a condition, never in a batch).
  'dynamodb:BatchWriteItem',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
] as const;
