import { ANY_ORIGIN, corsPolicy } from '../../../shared/api/cors';
import type { HttpReply } from '../../../infra/local/api-response';
import { isPreflight, preflightReply, withCors } from '../../../infra/local/cors';

const APP = 'https://motcua.example.gov.vn';
const reply = (headers: HttpReply['headers']): HttpReply => ({
  statusCode: 200,
  headers,
  body: Buffer.from('{}'),
});

describe('infra/local/cors', () => {
  it('takes only OPTIONS with Origin and Access-Control-Request-Method for a preflight', () => {
    const preflight = { origin: APP, 'access-control-request-method': 'POST' };
    expect(isPreflight('OPTIONS', preflight)).toBe(true);
    expect(isPreflight('OPTIONS', { origin: APP })).toBe(false);
    expect(isPreflight('GET', preflight)).toBe(false);
  });

  it('answers a preflight 204 with the policy, echoing an allowed origin, and nothing for another', () => {
    const policy = corsPolicy([APP]);
    const answer = preflightReply(policy, { origin: APP, 'access-control-request-method': 'PUT' });
    expect(answer.statusCode).toBe(204);
    expect(answer.body.length).toBe(0);
    expect(answer.headers).toEqual({
      'access-control-allow-origin': APP,
      'access-control-allow-methods': policy.allowMethods.join(','),
      'access-control-allow-headers': 'authorization,content-type,idempotency-key,x-receipt-secret',
      'access-control-max-age': '3600',
    });
    const other = preflightReply(policy, {
      origin: 'https://evil.example',
      'access-control-request-method': 'PUT',
    });
    expect(other).toMatchObject({ statusCode: 204, headers: {} });
  });

  it("puts the policy's headers on an answer in place of the function's own", () => {
    const decorated = withCors(
      corsPolicy(ANY_ORIGIN),
      { origin: APP },
      reply({ 'content-type': 'application/json', 'Access-Control-Allow-Origin': 'https://mine.example' }),
    );
    expect(decorated.headers).toEqual({
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'location,etag',
    });
    expect(withCors(corsPolicy(ANY_ORIGIN), {}, reply({ 'access-control-max-age': '1' })).headers).toEqual(
      {},
    );
  });
});
