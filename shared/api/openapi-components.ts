/**
 * The schemas the OpenAPI document names in `components.schemas`, by name. A schema listed here
 * is written once and `$ref`ed wherever it occurs (in a route or inside another schema); one not
 * listed is written inline. `output` is what answers carry; `input` what requests carry.
 */
import type * as z from 'zod/mini';
import * as actions from './schemas/actions';
import * as attachment from './schemas/attachment';
import * as catalog from './schemas/catalog';
import * as dossier from './schemas/dossier';
import * as webhooks from './schemas/webhooks';

const shared = {
  Applicant: dossier.applicant,
  SubmittedDocument: dossier.submittedDocument,
  SupplementItem: dossier.supplementItem,
  ProcedureStep: catalog.procedureStep,
  ProcedureTime: catalog.procedureTime,
  CalendarOverride: catalog.calendarOverride,
};

const inputName = (name: string) => `${name}Input`;

export const COMPONENTS: { output: Record<string, z.core.$ZodType>; input: Record<string, z.core.$ZodType> } =
  {
    output: {
      ...shared,
      Procedure: catalog.procedure,
      ProcedureList: catalog.procedureList,
      Agency: catalog.agency,
      AgencyList: catalog.agencyList,
      TenantView: catalog.tenantView,
      Step: dossier.stepView,
      TimelineEntry: dossier.timelineEntry,
      DossierView: dossier.dossierView,
      TrackingView: dossier.trackingView,
      WorkQueueItem: actions.workQueueItem,
      WorkQueue: actions.workQueue,
      ControlSheetLine: actions.controlSheetLine,
      FiredAlarm: actions.firedAlarm,
      ControlSheet: actions.controlSheet,
      AttachmentView: attachment.attachmentView,
      UploadTicket: attachment.uploadTicket,
      AttachmentList: attachment.attachmentList,
      DownloadLink: attachment.downloadLink,
      WebhookSubscription: webhooks.subscriptionView,
      WebhookSubscriptionWithSecret: webhooks.subscriptionWithSecret,
      WebhookSubscriptionList: webhooks.subscriptionList,
    },
    // Input and output forms of one schema differ (defaults are optional in a request), so the
    // shared ones are named apart: `Applicant` in answers, `ApplicantInput` in requests.
    input: {
      ...Object.fromEntries(Object.entries(shared).map(([name, schema]) => [inputName(name), schema])),
      ProcedureInput: catalog.procedureInput,
      AgencyInput: catalog.agencyInput,
      TenantSettings: catalog.tenantSettings,
      SubmitDossier: dossier.submitDossier,
      ReceptionDecision: dossier.receptionDecision,
      DossierAction: actions.dossierAction,
      CreateAttachment: attachment.createAttachment,
      CreateWebhookSubscription: webhooks.createSubscription,
      UpdateWebhookSubscription: webhooks.updateSubscription,
      RotateWebhookSecret: webhooks.rotateSecret,
    },
  };
