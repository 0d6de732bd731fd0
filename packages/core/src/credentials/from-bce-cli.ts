import { BceError } from '../errors/bce-error.ts';
import type { CredentialProvider, ProvidedCredentials } from '../types/credentials.ts';
import { type LocalFiles, localFiles, readEnv } from './local-files.ts';

/** Options of {@link fromBceCli}. */
export interface BceCliOptions {
  /** Profile name in `config.json`; default: its `current` profile (`Defaults` in the older INI file). */
  profile?: string | undefined;
  /**
   * Folder holding the CLI's files instead of the defaults: `config.json` (Baidu's `bce` CLI, default `~/.bce`)
   * or `credentials` (the older `bcecmd`, default `~/.go-bcecli`).
   */
  configDir?: string | undefined;
}

/** What {@link fromBceCli} returns: a provider that also tells the profile's region, if it has one. */
export interface BceCliCredentialProvider extends CredentialProvider {
  /** The profile's `region` (else `BCE_REGION`), for `createClient({ region })`. */
  readonly region: string | undefined;
  /** The file the credentials came from. */
  readonly source: string;
}

interface CliProfile {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  region?: string;
}

const CONFIGURE = 'run `bce configure`, or pass credentials to createClient';

/**
 * Reads the credentials that Baidu's own command-line tools keep: a profile of `~/.bce/config.json` (the `bce`
 * CLI: `{ current, profiles: [{ name, mode: "AK" | "StsToken", access_key_id, secret_access_key,
 * security_token, region, … }] }`), else `[Defaults]` `Ak`/`Sk`/`Sts` of `~/.go-bcecli/credentials` (the older
 * `bcecmd`). A field the profile leaves empty falls back to `BCE_ACCESS_KEY_ID`, `BCE_SECRET_ACCESS_KEY`,
 * `BCE_SECURITY_TOKEN`, `BCE_REGION`; the profile wins over the environment. The file is read now, once.
 *
 * Node, Deno (`--allow-read` for the file, `--allow-env=HOME` to find it) and Bun; browsers and Workers have no
 * such files: pass credentials there (see the Credentials guide).
 *
 * @throws {BceError} naming the path and the fix, never a secret: no file, no such profile, a file readable by
 *   others (it must be `chmod 600`), a malformed file, missing keys, or a runtime without files.
 * @example
 * const client = createClient({ region: 'bj', credentials: fromBceCli({ profile: 'prod' }) });
 */
export function fromBceCli(options: BceCliOptions = {}): BceCliCredentialProvider {
  const found = readBceCli(options);
  if ('missing' in found) throw new BceError(`fromBceCli: ${found.missing}; ${CONFIGURE}`);
  return found.provider;
}

/**
 * {@link fromBceCli}, except that finding no CLI file at all is an answer rather than an error (for the default
 * chain, which then says where else it looked).
 *
 * @internal
 */
export function readBceCli(options: BceCliOptions): { provider: BceCliCredentialProvider } | { missing: string } {
  const files = localFiles();
  if (!files)
    throw new BceError('fromBceCli: this runtime has no file system (browser or Worker); pass credentials instead');
  const { profile, configDir } = options;
  const home = files.home;
  if (!configDir && !home)
    throw new BceError('fromBceCli: the home folder is unknown (HOME is unset or not allowed); pass configDir');
  const jsonPath = join(configDir ?? join(home!, '.bce'), 'config.json');
  const iniPath = join(configDir ?? join(home!, '.go-bcecli'), 'credentials');
  let found: CliProfile;
  let source: string;
  if (files.exists(jsonPath)) {
    found = profileFromJson(files, jsonPath, profile);
    source = jsonPath;
  } else if (files.exists(iniPath)) {
    found = profileFromIni(files, iniPath, profile);
    source = iniPath;
  } else {
    return { missing: `neither ${jsonPath} nor ${iniPath} exists` };
  }
  const accessKeyId = found.accessKeyId || readEnv('BCE_ACCESS_KEY_ID');
  const secretAccessKey = found.secretAccessKey || readEnv('BCE_SECRET_ACCESS_KEY');
  const sessionToken = found.sessionToken || readEnv('BCE_SECURITY_TOKEN');
  for (const [field, value, variable] of [
    ['access key id', accessKeyId, 'BCE_ACCESS_KEY_ID'],
    ['secret access key', secretAccessKey, 'BCE_SECRET_ACCESS_KEY'],
  ] as const) {
    if (!value) throw new BceError(`fromBceCli: ${source} gives no ${field} and ${variable} is unset; ${CONFIGURE}`);
  }
  const credentials: ProvidedCredentials = sessionToken
    ? { accessKeyId: accessKeyId!, secretAccessKey: secretAccessKey!, sessionToken }
    : { accessKeyId: accessKeyId!, secretAccessKey: secretAccessKey! };
  const region = found.region || readEnv('BCE_REGION');
  return { provider: Object.assign(() => credentials, { region, source }) };
}

function profileFromJson(files: LocalFiles, path: string, wanted: string | undefined): CliProfile {
  const malformed = (what: string) =>
    new BceError(`fromBceCli: ${path} is malformed (${what}); fix it or run \`bce configure\` again`);
  let config: unknown;
  try {
    config = JSON.parse(files.readPrivate(path));
  } catch (error) {
    if (error instanceof BceError) throw error;
    // The parser's message can quote the file, secrets included: only say that it is not JSON.
    throw malformed('not JSON');
  }
  const { current, profiles } = (config ?? {}) as { current?: unknown; profiles?: unknown };
  if (typeof config !== 'object' || config === null || !Array.isArray(profiles)) throw malformed('no "profiles" list');
  const name = wanted ?? (typeof current === 'string' && current ? current : undefined);
  if (name === undefined) throw malformed('no "current" profile; pass { profile }');
  const entry = profiles.find((p) => (p as { name?: unknown } | null)?.name === name) as
    | Record<string, unknown>
    | undefined;
  if (!entry) {
    const names = profiles.map((p) => (p as { name?: unknown } | null)?.name).filter((n) => typeof n === 'string');
    throw new BceError(
      `fromBceCli: ${path} has no profile ${JSON.stringify(name)} (it has ${names.map((n) => JSON.stringify(n)).join(', ') || 'none'}); pass one of those, or run \`bce configure --profile ${name}\``,
    );
  }
  const field = (key: string): string | undefined => {
    const value = entry[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw malformed(`profile ${JSON.stringify(name)}: ${key} is not a string`);
    return value.trim() || undefined;
  };
  const mode = field('mode');
  if (mode !== undefined && mode !== 'AK' && mode !== 'StsToken')
    throw malformed(`profile ${JSON.stringify(name)}: mode must be "AK" or "StsToken"`);
  return {
    accessKeyId: field('access_key_id'),
    secretAccessKey: field('secret_access_key'),
    // An AK profile signs without a token even when an old one is still stored.
    sessionToken: mode === 'AK' ? undefined : field('security_token'),
    region: field('region'),
  };
}

function profileFromIni(files: LocalFiles, path: string, wanted: string | undefined): CliProfile {
  const section = wanted ?? 'Defaults';
  const values: Record<string, string> = {};
  let current: string | undefined;
  const lines = files.readPrivate(path).split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) current = header[1]!.trim();
    else if (!line.includes('='))
      throw new BceError(
        `fromBceCli: ${path} is malformed (line ${i + 1} is neither [section] nor key = value); fix it`,
      );
    else if (current === section) {
      const at = line.indexOf('=');
      values[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  if (!lines.some((l) => l.trim() === `[${section}]`))
    throw new BceError(
      `fromBceCli: ${path} has no [${section}] section; ${wanted ? 'pass another profile, or ' : ''}${CONFIGURE}`,
    );
  return { accessKeyId: values['ak'], secretAccessKey: values['sk'], sessionToken: values['sts'] || undefined };
}

// POSIX and Windows separators both work in node:fs; a trailing one is not doubled.
function join(dir: string, name: string): string {
  return /[\\/]$/.test(dir) ? `${dir}${name}` : `${dir}/${name}`;
}
