import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BCE_REGIONS, BceValidationError, createClient, fromEnv } from '../src/index.ts';
import { AK, SK, STATIC } from './helpers/credentials.ts';

const failure = (options: unknown): BceValidationError => {
  try {
    createClient(options as Parameters<typeof createClient>[0]);
  } catch (error) {
    return error as BceValidationError;
  }
  throw new Error('createClient accepted the options');
};

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('createClient({ region })', () => {
  it.each(BCE_REGIONS.map((region) => [region]))('takes %s and resolves its VPC host', (region) => {
    const client = createClient({ region, credentials: STATIC });

    expect(client.config.region).toBe(region);
    expect(client.config.endpoint).toBe(`https://bcc.${region}.baidubce.com`);
  });

  it('refuses an unknown region without endpoint, listing the known ones, before any call', () => {
    const fetchStub = vi.fn<typeof fetch>();

    const error = failure({ region: 'beijing', credentials: STATIC, fetch: fetchStub });

    expect(error).toBeInstanceOf(BceValidationError);
    expect(error.issues).toEqual([
      {
        path: 'region',
        message:
          'is not a known region (got "beijing"); use one of bj, gz, su, fsh, hkg, bd, fwh, sin, cd, or pass endpoint (e.g. "https://bcc.beijing.baidubce.com") for a region this release does not list',
      },
    ]);
    expect(fetchStub).not.toHaveBeenCalled();
  });

  it('refuses a region that has no public host (hb-fsg) without endpoint', () => {
    expect(failure({ region: 'hb-fsg', credentials: STATIC }).issues[0]?.path).toBe('region');
  });

  it('takes a region it does not list when an endpoint is given, and calls that endpoint', async () => {
    const urls: string[] = [];
    const fetchStub: typeof fetch = async (input) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return new Response('{}');
    };
    const client = createClient({
      region: 'xj-new',
      endpoint: 'https://bcc.xj-new.baidubce.com',
      credentials: STATIC,
      fetch: fetchStub,
    });

    await client.send({ method: 'GET', path: ['v1', 'vpc'], serviceHost: 'bcc.{region}.baidubce.com' });

    expect(client.config).toMatchObject({ region: 'xj-new', endpoint: 'https://bcc.xj-new.baidubce.com' });
    expect(urls).toEqual(['https://bcc.xj-new.baidubce.com/v1/vpc']);
  });

  it('still refuses a malformed region next to an endpoint', () => {
    const error = failure({ region: 'Bei Jing', endpoint: 'http://127.0.0.1:9', credentials: STATIC });

    expect(error.issues.map((issue) => issue.path)).toEqual(['region']);
  });

  it('refuses every code outside the list without endpoint and takes every well-formed one with it', () => {
    const code = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/).filter((s) => !BCE_REGIONS.includes(s as never));
    fc.assert(
      fc.property(code, (region) => {
        expect(failure({ region, credentials: STATIC }).message).toContain(`(got "${region}")`);
        expect(createClient({ region, endpoint: 'http://127.0.0.1:9', credentials: STATIC }).region).toBe(region);
      }),
    );
  });
});

describe('region from the environment', () => {
  it('takes BCE_REGION when neither region nor endpoint is given', () => {
    vi.stubEnv('BCE_REGION', 'gz');

    const client = createClient({ credentials: STATIC });

    expect(client.config).toMatchObject({ region: 'gz', endpoint: 'https://bcc.gz.baidubce.com' });
  });

  it('lets an explicit region or endpoint win over BCE_REGION', () => {
    vi.stubEnv('BCE_REGION', 'gz');

    expect(createClient({ region: 'su', credentials: STATIC }).region).toBe('su');
    expect(createClient({ endpoint: 'http://127.0.0.1:9', credentials: STATIC }).config).toMatchObject({
      region: undefined,
      endpoint: 'http://127.0.0.1:9',
    });
  });

  it('says an unknown BCE_REGION came from the environment', () => {
    vi.stubEnv('BCE_REGION', 'beijing');

    expect(failure({ credentials: STATIC }).message).toContain(
      'createClient: region (from BCE_REGION) is not a known region (got "beijing")',
    );
  });

  it('keeps the "no endpoint" error when BCE_REGION is unset or empty', () => {
    vi.stubEnv('BCE_REGION', '');

    expect(failure({ credentials: STATIC }).message).toContain('createClient: no endpoint');
  });

  it('fromEnv() carries BCE_REGION, and createClient takes it from there', () => {
    vi.stubEnv('BCE_ACCESS_KEY_ID', AK);
    vi.stubEnv('BCE_SECRET_ACCESS_KEY', SK);
    vi.stubEnv('BCE_REGION', 'hkg');

    const credentials = fromEnv();
    const client = createClient({ credentials });

    expect(credentials.region).toBe('hkg');
    expect(client.config.endpoint).toBe('https://bcc.hkg.baidubce.com');
  });

  it('fromEnv().region is undefined without BCE_REGION', () => {
    vi.stubEnv('BCE_ACCESS_KEY_ID', AK);
    vi.stubEnv('BCE_SECRET_ACCESS_KEY', SK);
    vi.stubEnv('BCE_REGION', '');

    expect(fromEnv().region).toBeUndefined();
  });

  it('reads Deno.env only when env access is already granted, so it never prompts', () => {
    const get = vi.fn((name: string) => (name === 'BCE_REGION' ? 'bd' : undefined));
    let state = 'prompt';
    vi.stubGlobal('Deno', { env: { get }, permissions: { querySync: () => ({ state }) } });

    const denied = failure({ credentials: STATIC });
    state = 'granted';
    const granted = createClient({ credentials: STATIC });

    expect(denied.message).toContain('no endpoint');
    expect(granted.region).toBe('bd');
    expect(get).toHaveBeenCalledTimes(1);
  });
});
