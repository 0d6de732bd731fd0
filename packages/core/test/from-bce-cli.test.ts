import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BceError, BceValidationError, createClient, defaultCredentials, fromBceCli } from '../src/index.ts';
import { AK, SESSION_TOKEN, SK } from './helpers/credentials.ts';
import { startTestServer } from './helpers/test-server.ts';

// Every test gets a home folder of its own, with real files and real modes, and an environment without BCE_*.
const VARIABLES = ['HOME', 'BCE_ACCESS_KEY_ID', 'BCE_SECRET_ACCESS_KEY', 'BCE_SECURITY_TOKEN', 'BCE_REGION'];
let home: string;
let saved: Record<string, string | undefined>;
beforeEach(() => {
  saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of VARIABLES) delete process.env[name];
  home = mkdtempSync(join(tmpdir(), 'bcekit-home-'));
  process.env['HOME'] = home;
});
afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  rmSync(home, { recursive: true, force: true });
});

/** Writes a file as Baidu's CLI does: folder 0700, file 0600 (or the mode given). */
function writePrivate(path: string, text: string, mode = 0o600): string {
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
}

const profile = (name: string, fields: Record<string, string> = {}) => ({
  name,
  mode: 'AK',
  access_key_id: `${AK}-${name}`,
  secret_access_key: `${SK}-${name}`,
  security_token: '',
  region: 'bj',
  endpoint: '',
  ...fields,
});
const config = (current: string, ...profiles: object[]) => JSON.stringify({ current, profiles }, null, 2);
const jsonPath = () => join(home, '.bce', 'config.json');
const iniPath = () => join(home, '.go-bcecli', 'credentials');

function thrown(run: () => unknown): BceError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BceError);
    return error as BceError;
  }
  throw new Error('expected an error');
}

describe('fromBceCli: ~/.bce/config.json', () => {
  it('reads the current profile, with its region and where it came from', () => {
    writePrivate(jsonPath(), config('dev', profile('prod', { region: 'gz' }), profile('dev', { region: 'su' })));

    const provider = fromBceCli();

    expect(provider()).toEqual({ accessKeyId: `${AK}-dev`, secretAccessKey: `${SK}-dev` });
    expect(provider.region).toBe('su');
    expect(provider.source).toBe(jsonPath());
  });

  it('reads a profile by name; an StsToken profile carries its token, an AK profile ignores a stored one', () => {
    writePrivate(
      jsonPath(),
      config(
        'old',
        profile('old', { security_token: 'stale-token' }),
        profile('sts', { mode: 'StsToken', security_token: SESSION_TOKEN }),
      ),
    );

    expect(fromBceCli({ profile: 'sts' })()).toEqual({
      accessKeyId: `${AK}-sts`,
      secretAccessKey: `${SK}-sts`,
      sessionToken: SESSION_TOKEN,
    });
    expect(fromBceCli()()).not.toHaveProperty('sessionToken');
  });

  it('fills empty fields from BCE_* variables, and the profile wins over them', () => {
    writePrivate(jsonPath(), config('p', profile('p', { access_key_id: '', region: '' })));
    process.env['BCE_ACCESS_KEY_ID'] = 'AK-from-env';
    process.env['BCE_SECRET_ACCESS_KEY'] = 'SK-from-env';
    process.env['BCE_REGION'] = 'hkg';

    const provider = fromBceCli();

    expect(provider()).toEqual({ accessKeyId: 'AK-from-env', secretAccessKey: `${SK}-p` });
    expect(provider.region).toBe('hkg');
  });

  it('reads from configDir instead of the home folder', () => {
    const dir = join(home, 'elsewhere');
    writePrivate(join(dir, 'config.json'), config('x', profile('x')));

    expect(fromBceCli({ configDir: dir }).source).toBe(join(dir, 'config.json'));
  });
});

describe('fromBceCli: the older ~/.go-bcecli/credentials', () => {
  it('reads [Defaults] Ak, Sk and Sts when there is no config.json (comments, CRLF, any key case)', () => {
    const ini = `# bcecmd\r\n[Other]\r\nAk = nope\r\n\r\n[Defaults]\r\nAk = ${AK}\r\nsk=${SK}\r\n; token\r\nSts = ${SESSION_TOKEN}\r\n`;
    writePrivate(iniPath(), ini);

    const provider = fromBceCli();

    expect(provider()).toEqual({ accessKeyId: AK, secretAccessKey: SK, sessionToken: SESSION_TOKEN });
    expect(provider.source).toBe(iniPath());
  });

  it('reads a named section as the profile, and an empty Sts is no token', () => {
    writePrivate(iniPath(), `[Defaults]\nAk = a\nSk = b\n[work]\nAk = ${AK}\nSk = ${SK}\nSts =\n`);

    expect(fromBceCli({ profile: 'work' })()).toEqual({ accessKeyId: AK, secretAccessKey: SK });
  });
});

describe('fromBceCli: errors name the path and the fix, never the secret', () => {
  const noSecret = (error: BceError) => {
    for (const text of [error.message, String(error), JSON.stringify(error), error.stack ?? '']) {
      expect(text).not.toContain(SK);
      expect(text).not.toContain(SESSION_TOKEN);
    }
  };

  it('no file: names both places and what to run', () => {
    const error = thrown(() => fromBceCli());

    expect(error.message).toContain(jsonPath());
    expect(error.message).toContain(iniPath());
    expect(error.message).toContain('bce configure');
  });

  it('a profile that does not exist: lists the ones there are', () => {
    writePrivate(jsonPath(), config('a', profile('a'), profile('b')));

    const error = thrown(() => fromBceCli({ profile: 'prod' }));

    expect(error.message).toContain(jsonPath());
    expect(error.message).toContain('no profile "prod" (it has "a", "b")');
    noSecret(error);
  });

  it.each([0o644, 0o640, 0o604, 0o620])('a file others can read or write (mode %o): says chmod 600', (mode) => {
    writePrivate(jsonPath(), config('a', profile('a')), mode);

    const error = thrown(() => fromBceCli());

    expect(error.message).toContain(`mode ${mode.toString(8)}`);
    expect(error.message).toContain(`chmod 600 ${jsonPath()}`);
    noSecret(error);
  });

  it('the INI file is held to the same mode', () => {
    writePrivate(iniPath(), `[Defaults]\nAk = ${AK}\nSk = ${SK}\n`, 0o644);

    expect(thrown(() => fromBceCli()).message).toContain(`chmod 600 ${iniPath()}`);
  });

  it.each([
    ['not JSON', `{"current":"a","profiles":[{"name":"a","secret_access_key":"${SK}",}]}`, 'not JSON'],
    ['no profiles list', JSON.stringify({ current: 'a' }), 'no "profiles" list'],
    ['no current profile', JSON.stringify({ profiles: [profile('a')] }), 'no "current" profile'],
    [
      'a field of the wrong type',
      config('a', profile('a', { region: 5 as unknown as string })),
      'region is not a string',
    ],
    ['an unknown mode', config('a', profile('a', { mode: 'Password' })), 'mode must be "AK" or "StsToken"'],
  ])('a malformed config.json (%s)', (_what, text, message) => {
    writePrivate(jsonPath(), text);

    const error = thrown(() => fromBceCli());

    expect(error.message).toContain(`${jsonPath()} is malformed`);
    expect(error.message).toContain(message);
    noSecret(error);
  });

  it('a malformed INI line is named by its number, not its text', () => {
    writePrivate(iniPath(), `[Defaults]\nAk = ${AK}\n${SK}\n`);

    const error = thrown(() => fromBceCli());

    expect(error.message).toContain(`${iniPath()} is malformed (line 3`);
    noSecret(error);
  });

  it('a key missing from the profile and the environment', () => {
    writePrivate(jsonPath(), config('a', profile('a', { secret_access_key: '' })));

    const error = thrown(() => fromBceCli());

    expect(error.message).toContain(`${jsonPath()} gives no secret access key and BCE_SECRET_ACCESS_KEY is unset`);
  });
});

describe('defaultCredentials and createClient without credentials', () => {
  it('takes the environment first, then the CLI profile', () => {
    writePrivate(jsonPath(), config('a', profile('a')));
    expect(defaultCredentials()()).toEqual({ accessKeyId: `${AK}-a`, secretAccessKey: `${SK}-a` });

    process.env['BCE_ACCESS_KEY_ID'] = 'AK-env';
    process.env['BCE_SECRET_ACCESS_KEY'] = 'SK-env';
    expect(defaultCredentials()()).toEqual({ accessKeyId: 'AK-env', secretAccessKey: 'SK-env' });
  });

  it('says where it looked when there is nothing', () => {
    const error = thrown(() => defaultCredentials());

    expect(error.message).toMatch(/^no credentials found: BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY are unset/);
    expect(error.message).toContain(jsonPath());
  });

  it('createClient signs with the CLI profile when given no credentials', async () => {
    const server = await startTestServer(SK);
    try {
      writePrivate(iniPath(), `[Defaults]\nAk = ${AK}\nSk = ${SK}\n`);
      const client = createClient({ endpoint: server.origin });

      await client.send({ method: 'GET', path: ['v1', 'peerconn'] });

      expect(server.received[0]!.headers.authorization).toMatch(new RegExp(`^bce-auth-v1/${AK}/`));
      expect(server.received[0]!.signatureValid).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('createClient with neither credentials nor region takes both from the CLI profile', () => {
    writePrivate(jsonPath(), config('a', profile('a', { region: 'gz' })));

    expect(createClient({}).region).toBe('gz');
  });

  it('createClient without credentials and nothing to find: a validation error with the reason, at once', () => {
    writePrivate(jsonPath(), config('a', profile('a')), 0o644);

    const error = thrown(() => createClient({ region: 'bj' }));

    expect(error).toBeInstanceOf(BceValidationError);
    expect(error.message).toContain(
      `credentials is required (fromBceCli: ${jsonPath()} is readable or writable by others`,
    );
  });
});
