/**
 * Notifications to applicants (issue 13 §3), the consumer of the `notifications` queue: for each
 * event, the dossier as it is now, the tenant's settings and the applicant's consent decide the
 * messages (shared/domain/notifications/plan.ts); each is claimed in its record, sent through the
 * NotificationSender port, and recorded as sent. The record is the dedupe (keyed by event id and
 * channel) and the dossier's history of it (listed on the control sheet): masked address and a
 * summary, no body.
 *
 * A message whose send fails is recorded `failed` and the event throws, so the queue brings it
 * back (its other channel, already sent, is not sent again); after the queue's receives it goes
 * to the dead-letter queue.
 */
import type { BusMessage } from '../api/queues';
import { kindOfEvent } from '../domain/notifications/kinds';
import { planNotifications, type PlannedMessage } from '../domain/notifications/plan';
import { agenciesByCode, getTenant } from '../data/catalog-reads';
import { getDossier } from '../data/dossier-read';
import { openForService } from './personal-data';
import { claimNotification, markFailed, markSent } from '../data/notification-repo';
import { clock } from '../platform/clock';
import { NOTIFICATION_SENT } from '../domain/usage/count';
import { meterUse } from './meter-use';
import { ENV, requireEnv } from '../platform/env';
import type { NotificationSender } from '../platform/notification-sender';

/**
 * How long a claim is its sender's: longer than one send can take inside the function's 30 s,
 * shorter than the queue's visibility timeout (180 s), so the redelivery of an event whose sender
 * died finds the claim free. Real time, not the domain clock: it guards concurrent runs.
 */
export const CLAIM_LEASE_MS = 60_000;

export interface NotifyOutcome {
  sent: PlannedMessage[];
  /** Already sent by an earlier delivery of the event. */
  skipped: number;
}

export async function notifyApplicant(
  message: BusMessage,
  sender: NotificationSender,
): Promise<NotifyOutcome> {
  const kind = kindOfEvent(message.type);
  const outcome: NotifyOutcome = { sent: [], skipped: 0 };
  if (!kind) return outcome;
  const stored = await getDossier(message.tenant, message.code);
  const consent = stored?.applicant.notify;
  if (!stored || !(consent?.email || consent?.sms)) return outcome;
  // The addresses, in clear only here, to send what the applicant agreed to receive.
  const dossier = await openForService(stored, 'notifyApplicant');
  const settings = await getTenant(message.tenant);
  if (!settings) throw new Error(`tenant ${message.tenant} has no settings`);
  const agencyName =
    kind === 'resultReady' && dossier.resultDelivery === 'counter'
      ? (await agenciesByCode(message.tenant)).get(dossier.receivingAgency)?.name
      : undefined;
  const planned = planNotifications({
    event: message,
    dossier,
    tenant: {
      name: settings.name,
      counters: settings.forms?.counters,
      notifications: settings.notifications,
    },
    publicBaseUrl: requireEnv(ENV.publicBaseUrl),
    agencyName,
  });
  const failures: string[] = [];
  for (const m of planned.filter((p) => sender.channels.includes(p.channel))) {
    const claim = await claimNotification(
      {
        tenant: dossier.tenant,
        code: dossier.code,
        id: m.id,
        kind: m.kind,
        channel: m.channel,
        eventType: message.type,
        toMasked: m.toMasked,
        summary: m.summary,
        createdAt: clock.now().toISOString(),
      },
      Date.now(),
      CLAIM_LEASE_MS,
    );
    if (claim.outcome !== 'send') {
      if (claim.outcome === 'done') outcome.skipped += 1;
      else failures.push(`${m.channel}: another delivery holds the claim`);
      continue;
    }
    let providerId: string;
    try {
      providerId =
        m.channel === 'email'
          ? await sender.sendEmail({
              to: m.to,
              fromName: settings.notifications?.senderName ?? settings.name,
              subject: m.subject ?? '',
              text: m.text,
              tags: { tenant: dossier.tenant, dossier: dossier.code, kind: m.kind },
            })
          : await sender.sendSms({ to: m.to, text: m.text });
    } catch (error) {
      const reason = (error as Error).name || 'Error';
      await markFailed(claim.claim, `${reason}: ${(error as Error).message}`);
      failures.push(`${m.channel}: ${reason}`);
      continue;
    }
    // Lost only if the lease ran out mid-send and another delivery took over: it may send again
    // (at-least-once), and its record is the one kept.
    await markSent(claim.claim, clock.now().toISOString(), providerId);
    await meterUse(dossier.tenant, NOTIFICATION_SENT);
    outcome.sent.push(m);
  }
  if (failures.length > 0) throw new Error(`notification not sent (${failures.join('; ')})`);
  return outcome;
}
