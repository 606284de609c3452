import { z } from 'zod';
import { agencyCode, hhmm, isoDate, procedureCode, singleLine, tenantId } from './common';
import { nextCursor, pageQuery } from './page';

/** A procedure has at most this many steps; an action's `toStep` indexes into them. */
export const MAX_PROCEDURE_STEPS = 30;

export const agency = z.object({
  code: agencyCode,
  name: singleLine(300).min(1),
  parent: agencyCode.nullable(),
  receptionPoint: z.boolean().default(false),
  /** Commune-level agencies are where `competent: "commune"` procedures are decided. */
  level: z.enum(['province', 'commune']).default('province'),
  address: singleLine(500).optional(),
});
export type Agency = z.infer<typeof agency>;
export const agencyInput = agency.omit({ code: true });
export const agencyList = z.object({ items: z.array(agency), nextCursor });
export const agencyListQuery = z.object(pageQuery('agencies', agencyCode)).strict();

/** Exactly one of two optional numbers: how a step or a procedure states its time. */
const oneOf = <A extends string, B extends string>(a: A, b: B) =>
  `cần đúng một trong ${a} hoặc ${b} / exactly one of ${a} or ${b}`;

export const procedureStep = z
  .object({
    name: singleLine(300).min(1),
    /** Agency code; absent when the step runs at the competent agency. */
    agency: agencyCode.optional(),
    role: z.enum(['reception', 'specialist', 'leader']),
    days: z.number().positive().max(365).optional(),
    hours: z.number().positive().max(2000).optional(),
  })
  .refine((s) => (s.days === undefined) !== (s.hours === undefined), {
    message: oneOf('days', 'hours'),
    path: ['days'],
  });
export type ProcedureStep = z.infer<typeof procedureStep>;

export const procedureTime = z
  .object({
    workingDays: z.number().positive().max(365).optional(),
    workingHours: z.number().positive().max(2000).optional(),
  })
  .refine((t) => (t.workingDays === undefined) !== (t.workingHours === undefined), {
    message: oneOf('workingDays', 'workingHours'),
    path: ['workingDays'],
  });

const procedureFields = {
  name: singleLine(500).min(1),
  field: singleLine(200).min(1),
  level: z.enum(['province', 'commune']),
  /** Competent agency code, or `commune`: the commune the applicant applies to. */
  competent: z.union([agencyCode, z.literal('commune')]),
  time: procedureTime,
  onTheSpot: z.boolean().default(false),
  /** Fee in VND, per `feeUnit` (default: per dossier). */
  fee: z.number().int().min(0).max(1_000_000_000),
  feeUnit: z.enum(['dossier', 'page', 'copy']).default('dossier'),
  online: z.enum(['full', 'partial', 'none']),
  suspendable: z.boolean().default(false),
  interAgency: z.boolean().default(false),
  documents: z.array(singleLine(500).min(1)).max(50),
  steps: z.array(procedureStep).min(1).max(MAX_PROCEDURE_STEPS),
};
export const procedureInput = z.object(procedureFields);
export const procedure = z.object({ code: procedureCode, ...procedureFields });
export type Procedure = z.infer<typeof procedure>;

export const procedureList = z.object({
  items: z.array(procedure),
  /** How many procedures match, over all pages. */
  count: z.number().int(),
  nextCursor,
});
/** Strict: a misspelt filter is refused, not silently ignored. */
export const procedureQuery = z
  .object({
    field: singleLine(200).optional(),
    q: singleLine(200).optional(),
    ...pageQuery('procedures', procedureCode),
  })
  .strict();

export const calendarOverride = z.object({
  date: isoDate,
  kind: z.enum(['off', 'work']),
  reason: singleLine(300).min(1),
  hours: z
    .array(z.tuple([hhmm, hhmm]))
    .max(4)
    .optional(),
});

export const tenantSettings = z.object({
  name: singleLine(200).min(1),
  provinceCode: z
    .string()
    .max(3)
    .regex(/^H\d{2}$/, 'mã tỉnh dạng Hxx / province code Hxx'),
  timeZone: z.literal('Asia/Ho_Chi_Minh').default('Asia/Ho_Chi_Minh'),
  officeHours: z
    .array(z.tuple([hhmm, hhmm]))
    .min(1)
    .max(4),
  workingWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  /** Hours on Saturday where a centre opens Saturday mornings (6 must then be in workingWeekdays). */
  saturdayHours: z
    .array(z.tuple([hhmm, hhmm]))
    .max(4)
    .optional(),
  cutoff: hhmm.default('15:00'),
  countFrom: z.enum(['nextWorkingDay', 'receipt']).default('nextWorkingDay'),
  calendarOverrides: z.array(calendarOverride).max(400).default([]),
});
export type TenantSettings = z.infer<typeof tenantSettings>;
export const tenantView = tenantSettings.extend({ id: z.string() });

export const tenantPath = z.object({ tenant: tenantId });
export const procedurePath = z.object({ tenant: tenantId, code: procedureCode });
export const codePath = z.object({ code: procedureCode });
export const agencyPath = z.object({ code: agencyCode });
