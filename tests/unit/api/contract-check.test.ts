/**
 * The integration tests' contract check (tests/integration/helpers/contract.ts) on answers made up
 * here: it must pass what the route table documents and catch what it does not.
 */
import { contractProblems, type Exchange } from '../../integration/helpers/contract';

const problem = (status: number, extra: Record<string, unknown> = {}) => ({
  type: 'https://motcua.example/problems/x',
  title: 'T',
  status,
  detail: 'd',
  ...extra,
});
const json = 'application/json; charset=utf-8';
const problemJson = 'application/problem+json';
const signedLink = { url: 'http://s3/x', expiresAt: '2027-01-01T00:00:00+07:00' };
const download = '/v1/dossiers/000.30.01.H99-261201-0001/attachments/01ARZ3NDEKTSV4RRFFQ69G5FAV/download';
const at = (over: Partial<Exchange>): Exchange => ({
  method: 'GET',
  path: download,
  status: 200,
  contentType: json,
  body: signedLink,
  ...over,
});

describe('integration contract check', () => {
  it('passes a documented answer', () => {
    expect(contractProblems(at({}))).toEqual([]);
  });

  it('fails an undocumented top-level field, naming it', () => {
    const problems = contractProblems(at({ body: { ...signedLink, bucket: 'secret' } }));
    expect(problems.join('\n')).toMatch(/downloadAttachment 200 application\/json: body: .*"bucket"/);
  });

  it('fails a missing or mistyped field', () => {
    expect(contractProblems(at({ body: { url: 1 } }))).toHaveLength(2);
  });

  it('fails a status the route does not document', () => {
    expect(contractProblems(at({ status: 409, contentType: problemJson, body: problem(409) }))).toEqual([
      expect.stringContaining('downloadAttachment does not document status 409'),
    ]);
  });

  it('fails a body in a media type the status does not document', () => {
    expect(contractProblems(at({ status: 404, contentType: json, body: { message: 'Not Found' } }))).toEqual([
      expect.stringContaining('media type "application/json" is not documented'),
    ]);
  });

  it("passes API Gateway's own 401 and 429 bodies, and a handler's problem", () => {
    const gateway401 = at({ status: 401, body: { message: 'Unauthorized' } });
    expect(contractProblems(gateway401)).toEqual([]);
    expect(contractProblems(at({ status: 429, body: { message: 'Too Many Requests' } }))).toEqual([]);
    expect(contractProblems(at({ status: 403, contentType: problemJson, body: problem(403) }))).toEqual([]);
  });

  it('matches a request to its route by method and path template, query aside; unknown paths go to $default', () => {
    expect(contractProblems(at({ path: `${download}?x=1` }))).toEqual([]);
    const unknown = { status: 404, contentType: problemJson, body: problem(404) };
    expect(contractProblems(at({ path: '/no/such/thing', ...unknown }))).toEqual([]);
    expect(contractProblems(at({ path: '/no/such/thing', status: 200 }))[0]).toMatch(
      /notFound does not document/,
    );
  });

  it("leaves the offline cloud's own /_local controls alone", () => {
    expect(contractProblems(at({ method: 'POST', path: '/_local/clock', body: { anything: 1 } }))).toEqual(
      [],
    );
  });
});
