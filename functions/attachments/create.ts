import { httpHandler } from '../../shared/platform/http';
import { startUpload } from '../../shared/usecases/attachments';

export const handler = httpHandler('createAttachment', async ({ params, body, principal, annotate }) => {
  annotate({ dossierCode: params.code });
  return { status: 201, body: await startUpload(principal, params.code, body) };
});
