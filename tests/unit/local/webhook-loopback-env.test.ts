/** WEBHOOK_LOOPBACK_ALLOWED reaches only the functions whose access names webhookTargets, offline only. */
import { environmentFor, type LocalResources } from '../../../infra/local/function-env';
import { ROUTES } from '../../../shared/api/routes';
import { ENV } from '../../../shared/platform/env';

const RESOURCES: LocalResources = {
  tableName: 'mot-cua',
  bucketName: 'mot-cua-attachments',
  stateMachineArns: { deadlineClock: 'arn:aws:states:ap-southeast-1:000000000000:stateMachine:clock' },
  queueUrls: {
    deadlineClock: 'http://127.0.0.1:9324/000000000000/mot-cua-deadline-clock',
    webhookEvents: 'http://127.0.0.1:9324/000000000000/mot-cua-webhook-events',
    webhookDeliveries: 'http://127.0.0.1:9324/000000000000/mot-cua-webhook-deliveries',
  },
  webhookLoopbackAllowed: true,
};

describe('WEBHOOK_LOOPBACK_ALLOWED offline', () => {
  it('is given to the routes that check webhook targets, and to no other', () => {
    const given = ROUTES.filter(
      (r) => environmentFor(r.access, {}, RESOURCES)[ENV.webhookLoopbackAllowed] === 'true',
    );
    expect(given.map((r) => r.id).sort()).toEqual(['createWebhookSubscription', 'updateWebhookSubscription']);
  });

  it('is not given where the cloud does not allow loopback', () => {
    const env = environmentFor(
      { table: 'read', webhookTargets: true },
      {},
      { ...RESOURCES, webhookLoopbackAllowed: false },
    );
    expect(env[ENV.webhookLoopbackAllowed]).toBeUndefined();
  });
});
