/**
 * Staff sign-in from the command line: Cognito's InitiateAuth with USER_PASSWORD_AUTH on the CLI
 * app client, answering NEW_PASSWORD_REQUIRED (an invited user's first sign-in) with the new
 * password. The same SDK calls reach a deployed pool (region + client id) or the offline cloud's
 * stand-in (`<base url>/_local/cognito-idp`, client `mot-cua-local-cli`).
 *
 * Why USER_PASSWORD_AUTH and not a device flow: Cognito has no OAuth device grant, and SRP needs
 * its big-number protocol on the client, which a shell script cannot run; the password travels over
 * TLS to Cognito only, and the flag is set on the CLI client alone, never on the web client.
 */
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/** Offline: the stand-in's CLI client (infra/local/cognito-users.ts LOCAL_CLI_CLIENT_ID). */
export const OFFLINE_CLI_CLIENT_ID = 'mot-cua-local-cli';
const OFFLINE_REGION = 'ap-southeast-1';

export type Target = { endpoint: string } | { region: string; clientId: string };

export interface SignInRequest {
  target: Target;
  username: string;
  password: string;
  /** Needed when the account still has its temporary password. */
  newPassword?: string;
}

export class SignInError extends Error {}

export async function signIn(request: SignInRequest): Promise<{ idToken: string; expiresIn?: number }> {
  const offline = 'endpoint' in request.target;
  const client = offline
    ? new CognitoIdentityProviderClient({
        endpoint: `${(request.target as { endpoint: string }).endpoint.replace(/\/$/, '')}/_local/cognito-idp`,
        region: OFFLINE_REGION,
        // The stand-in checks no signature; the SDK wants some credentials to sign with.
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      })
    : new CognitoIdentityProviderClient({ region: (request.target as { region: string }).region });
  const clientId = offline ? OFFLINE_CLI_CLIENT_ID : (request.target as { clientId: string }).clientId;
  try {
    const first = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: request.username, PASSWORD: request.password },
      }),
    );
    let result = first.AuthenticationResult;
    if (!result && first.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
      if (!request.newPassword)
        throw new SignInError(
          'Tài khoản còn mật khẩu tạm: thêm --new-password <mật khẩu mới> / the account has a temporary password: add --new-password <new password>',
        );
      const answer = await client.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: first.Session,
          ChallengeResponses: { USERNAME: request.username, NEW_PASSWORD: request.newPassword },
        }),
      );
      result = answer.AuthenticationResult;
    } else if (!result) {
      throw new SignInError(
        `Cognito hỏi thêm ${first.ChallengeName} / Cognito asks for ${first.ChallengeName}`,
      );
    }
    if (!result?.IdToken) throw new SignInError('Không nhận được ID token / no ID token in the answer');
    return { idToken: result.IdToken, expiresIn: result.ExpiresIn };
  } catch (error) {
    if (error instanceof SignInError) throw error;
    const e = error as { name?: string; message?: string };
    throw new SignInError(`Đăng nhập không được / sign-in failed: ${e.name ?? 'Error'}: ${e.message ?? ''}`);
  } finally {
    client.destroy();
  }
}
