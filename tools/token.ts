/**
 * `npm run token -- --user <username> [--password <p>] [--new-password <p>]
 *                   [--endpoint <API base url> | --region <r> --client-id <CLI client id>] [--export]`
 *
 * Prints a staff member's ID token (one line, for `TOKEN=$(npm run -s token -- …)`), or with
 * `--export` the line `export TOKEN=…`. The password comes from --password, MOTCUA_PASSWORD, or a
 * prompt. Offline (`--endpoint http://localhost:3000`, the default) it signs in against the local
 * user store; deployed, give the region and the stack's `CliClientId` output (docs/deploy.md).
 */
import { createInterface } from 'node:readline';
import { fail, parseArgs, stringOption } from './cli/args';
import { SignInError, signIn, type Target } from './cli/sign-in';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const username = stringOption(args, 'user');
  if (!username)
    fail(
      'Cách dùng / usage: npm run token -- --user <tên đăng nhập> [--password …] [--new-password …] [--endpoint <url> | --region <r> --client-id <id>] [--export]',
      2,
    );
  const region = stringOption(args, 'region');
  const clientId = stringOption(args, 'client-id');
  const target: Target =
    region && clientId
      ? { region, clientId }
      : { endpoint: stringOption(args, 'endpoint') ?? process.env.MOTCUA_API ?? 'http://localhost:3000' };
  const password =
    stringOption(args, 'password') ??
    process.env.MOTCUA_PASSWORD ??
    (await prompt(`Mật khẩu của ${username} / password: `));
  try {
    const { idToken } = await signIn({
      target,
      username,
      password,
      newPassword: stringOption(args, 'new-password'),
    });
    process.stdout.write(args.options.export ? `export TOKEN=${idToken}\n` : `${idToken}\n`);
  } catch (error) {
    if (error instanceof SignInError) fail(error.message);
    throw error;
  }
}

/** Reads a line from the terminal without echoing it. */
function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput?: (s: string) => void };
    process.stderr.write(question);
    output._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

main().catch((error: unknown) => fail(`Lỗi / error: ${(error as Error).message}`));
