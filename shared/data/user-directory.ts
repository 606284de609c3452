/**
 * The UserDirectory port over Cognito's admin APIs: the one user pool all provinces share is the
 * credential store; the function writes `custom:tenant`, `custom:agency` and `custom:roles` itself
 * (the app clients may not, see infra/stacks/auth-stack.ts), with the tenant taken from the
 * caller's token by the use case. Offline the same calls reach the local stand-in through
 * AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER (infra/local/cognito-users.ts).
 */
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { getCognitoClient } from '../platform/aws-clients';
import { CLAIMS } from '../platform/claims';
import { ENV, requireEnv } from '../platform/env';

export interface DirectoryUser {
  username: string;
  tenant: string;
  agency?: string;
  roles: string[];
  email?: string;
  name?: string;
  enabled: boolean;
}

export interface NewDirectoryUser {
  username: string;
  tenant: string;
  /** Absent for a new province's first admin (no agency exists yet). */
  agency?: string;
  roles: readonly string[];
  email: string;
  name: string;
  temporaryPassword: string;
}

/** The username is taken somewhere in the pool (possibly in another province). */
export class UsernameTakenError extends Error {
  constructor(username: string) {
    super(`username ${username} is taken`);
    this.name = 'UsernameTakenError';
  }
}

export interface UserDirectory {
  create(user: NewDirectoryUser): Promise<void>;
  get(username: string): Promise<DirectoryUser | undefined>;
  update(
    username: string,
    change: { agency?: string; roles?: readonly string[]; name?: string },
  ): Promise<void>;
  setEnabled(username: string, enabled: boolean): Promise<void>;
  /** A permanent password (the offline seed's demo staff); staff set their own otherwise. */
  setPassword(username: string, password: string): Promise<void>;
  /** Deletes the account; an account already gone is not an error (deletes are retried). */
  remove(username: string): Promise<void>;
}

const pool = () => requireEnv(ENV.userPoolId);
const attr = (Name: string, Value: string): AttributeType => ({ Name, Value });
const isNamed = (error: unknown, name: string) => (error as { name?: string })?.name === name;

export const cognitoUserDirectory: UserDirectory = {
  create: async (user) => {
    try {
      await getCognitoClient().send(
        new AdminCreateUserCommand({
          UserPoolId: pool(),
          Username: user.username,
          TemporaryPassword: user.temporaryPassword,
          // Cognito e-mails the invitation (SES when the stack is given a verified sender).
          DesiredDeliveryMediums: ['EMAIL'],
          UserAttributes: [
            attr('email', user.email),
            // The admin typed the address the province gave; no verification mail on top.
            attr('email_verified', 'true'),
            attr(CLAIMS.name, user.name),
            attr(CLAIMS.tenant, user.tenant),
            ...(user.agency ? [attr(CLAIMS.agency, user.agency)] : []),
            attr(CLAIMS.roles, user.roles.join(',')),
          ],
        }),
      );
    } catch (error) {
      if (isNamed(error, 'UsernameExistsException')) throw new UsernameTakenError(user.username);
      throw error;
    }
  },
  get: async (username) => {
    try {
      const out = await getCognitoClient().send(
        new AdminGetUserCommand({ UserPoolId: pool(), Username: username }),
      );
      const value = (name: string) => out.UserAttributes?.find((a) => a.Name === name)?.Value;
      const tenant = value(CLAIMS.tenant);
      if (!tenant) return undefined;
      return {
        username: out.Username ?? username,
        tenant,
        agency: value(CLAIMS.agency),
        roles: (value(CLAIMS.roles) ?? '').split(',').filter(Boolean),
        email: value('email'),
        name: value(CLAIMS.name),
        enabled: out.Enabled !== false,
      };
    } catch (error) {
      if (isNamed(error, 'UserNotFoundException')) return undefined;
      throw error;
    }
  },
  update: async (username, change) => {
    const attributes = [
      ...(change.agency !== undefined ? [attr(CLAIMS.agency, change.agency)] : []),
      ...(change.roles !== undefined ? [attr(CLAIMS.roles, change.roles.join(','))] : []),
      ...(change.name !== undefined ? [attr(CLAIMS.name, change.name)] : []),
    ];
    if (attributes.length === 0) return;
    await getCognitoClient().send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: pool(),
        Username: username,
        UserAttributes: attributes,
      }),
    );
  },
  setEnabled: async (username, enabled) => {
    const input = { UserPoolId: pool(), Username: username };
    await getCognitoClient().send(
      enabled ? new AdminEnableUserCommand(input) : new AdminDisableUserCommand(input),
    );
  },
  setPassword: async (username, password) => {
    await getCognitoClient().send(
      new AdminSetUserPasswordCommand({
        UserPoolId: pool(),
        Username: username,
        Password: password,
        Permanent: true,
      }),
    );
  },
  remove: async (username) => {
    try {
      await getCognitoClient().send(new AdminDeleteUserCommand({ UserPoolId: pool(), Username: username }));
    } catch (error) {
      if (!isNamed(error, 'UserNotFoundException')) throw error;
    }
  },
};
