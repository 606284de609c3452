import { APP_METRICS } from '../../../shared/api/app-metrics';
import { countForTenant, tenantCountLine } from '../../../shared/platform/tenant-metrics';

const at = new Date('2026-12-01T03:00:00Z');

describe('per-tenant EMF lines', () => {
  it('declare the platform-wide and the per-tenant dimension sets, with the values at the top level', () => {
    const line = tenantCountLine(APP_METRICS.names.dossiersOverdue, 'hagiang', 3, at);
    expect(line).toEqual({
      _aws: {
        Timestamp: at.getTime(),
        CloudWatchMetrics: [
          {
            Namespace: 'MotCua',
            Dimensions: [['service'], ['service', 'Tenant']],
            Metrics: [{ Name: 'DossiersOverdue', Unit: 'Count' }],
          },
        ],
      },
      service: 'mot-cua',
      Tenant: 'hagiang',
      DossiersOverdue: 3,
    });
  });

  it('name only members that exist on the line (EMF drops the record otherwise)', () => {
    const line = tenantCountLine(APP_METRICS.names.webhookDeliveryFailed, 't1', 1, at);
    const [directive] = line._aws.CloudWatchMetrics;
    for (const set of directive!.Dimensions) for (const d of set) expect(typeof line[d]).toBe('string');
    for (const m of directive!.Metrics) expect(typeof line[m.Name]).toBe('number');
    expect(directive!.Dimensions.every((set) => set.length <= 30)).toBe(true);
  });

  it('are written as one JSON line on stdout, and nothing when the count is zero', () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      countForTenant(APP_METRICS.names.stepsOverdue, 't2', 0, at);
      expect(write).not.toHaveBeenCalled();
      countForTenant(APP_METRICS.names.stepsOverdue, 't2', 2, at);
      expect(write).toHaveBeenCalledTimes(1);
      const text = String(write.mock.calls[0]![0]);
      expect(text.endsWith('\n')).toBe(true);
      expect(text.trimEnd().includes('\n')).toBe(false);
      expect(JSON.parse(text)).toEqual(tenantCountLine(APP_METRICS.names.stepsOverdue, 't2', 2, at));
    } finally {
      write.mockRestore();
    }
  });
});
