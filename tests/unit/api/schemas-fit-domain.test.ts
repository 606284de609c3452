/**
 * The domain owns its types (layers point one way); the HTTP schemas validate what comes in. This
 * keeps what the schemas produce assignable to what the domain takes: a drift fails typecheck.
 */
import type * as z from 'zod/mini';
import type * as catalog from '../../../shared/api/schemas/catalog';
import type * as dossier from '../../../shared/api/schemas/dossier';
import type { Agency, Procedure, ProcedureTime } from '../../../shared/domain/catalog/model';
import type { TenantCalendarSettings } from '../../../shared/domain/calendar/tenant';
import type { Applicant, Submission } from '../../../shared/domain/dossier/model';
import type { ReceptionDecision } from '../../../shared/domain/lifecycle/engine';

type Fits<A, B> = [A] extends [B] ? true : false;

const fits: Array<true> = [
  true satisfies Fits<z.output<typeof catalog.agency>, Agency>,
  true satisfies Fits<z.output<typeof catalog.procedure>, Procedure>,
  true satisfies Fits<z.output<typeof catalog.procedureTime>, ProcedureTime>,
  true satisfies Fits<z.output<typeof catalog.tenantSettings>, TenantCalendarSettings>,
  true satisfies Fits<z.output<typeof dossier.applicant>, Applicant>,
  true satisfies Fits<z.output<typeof dossier.submitDossier>, Submission>,
  true satisfies Fits<z.output<typeof dossier.receptionDecision>, ReceptionDecision>,
];

it('the API schemas produce what the domain takes (checked by the compiler)', () => {
  expect(fits.every(Boolean)).toBe(true);
});
