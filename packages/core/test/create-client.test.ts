import { describe, expect, it } from 'vitest';
import { BceValidationError, createClient, VERSION } from '../src/index.ts';
import { AK, SK, STATIC } from './helpers/credentials.ts';

const fails = (options: unknown) => {
  try {
    createClient(options as Parameters<typeof createClient>[0]);
  } catch (error) {
    return error as BceValidationError;
  }
  throw new Error('createClient accepted the options');
};

describe('createClient', () => {
  it('names both options when neither region nor endpoint is given', () => {
    const error = fails({ credentials: STATIC });

    expect(error).toBeInstanceOf(BceValidationError);
    expect(error.message).toBe(
      'createClient: no endpoint; pass region (e.g. "bj") or endpoint (e.g. "https://bcc.bj.baidubce.com")',
    );
  });

  it.each([
    ['no credentials', { region: 'bj' }, 'createClient: credentials is required'],
    [
      'an empty access key',
      { region: 'bj', credentials: { accessKeyId: '', secretAccessKey: SK } },
      'credentials.accessKeyId must be a non-empty string',
    ],
    [
      'an endpoint that is neither URL nor host',
      { endpoint: 'not a host!', credentials: STATIC },
      'endpoint must be a URL or a host[:port]',
    ],
    [
      'a non-http scheme',
      { endpoint: 'ftp://bcc.bj.baidubce.com', credentials: STATIC },
      'endpoint must use http: or https:',
    ],
    [
      'an endpoint with a path',
      { endpoint: 'https://h.example/v1', credentials: STATIC },
      'endpoint must be an origin',
    ],
    ['a negative timeout', { region: 'bj', credentials: STATIC, timeout: -1 }, 'timeout must be a number of ms > 0'],
    ['retry: -1', { region: 'bj', credentials: STATIC, retry: -1 }, 'retry must be an integer >= 0 (got -1)'],
    [
      'a fractional retry limit',
      { region: 'bj', credentials: STATIC, retry: { limit: 1.5 } },
      'retry.limit must be an integer >= 0',
    ],
    [
      'a negative baseDelay',
      { region: 'bj', credentials: STATIC, retry: { baseDelay: -5 } },
      'retry.baseDelay must be a delay',
    ],
    ['a bad region', { region: 'Bei Jing', credentials: STATIC }, 'region must be a region code'],
  ])('refuses %s', (_name, options, message) => {
    const error = fails(options);

    expect(error).toBeInstanceOf(BceValidationError);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain(SK);
  });

  it('reports every problem at once', () => {
    const error = fails({ endpoint: 'ftp://x', credentials: { accessKeyId: '', secretAccessKey: '' }, retry: -1 });

    expect(error.issues.map((i) => i.path)).toEqual([
      'endpoint',
      'credentials.accessKeyId',
      'credentials.secretAccessKey',
      'retry',
    ]);
  });

  it('reports both bad retry delays, baseDelay first, each with what came', () => {
    const error = fails({ region: 'bj', credentials: STATIC, retry: { baseDelay: -5, maxDelay: Infinity } });

    expect(error.issues).toEqual([
      { path: 'retry.baseDelay', message: 'must be a delay in ms >= 0 (got -5)' },
      { path: 'retry.maxDelay', message: 'must be a delay in ms >= 0 (got Infinity)' },
    ]);
  });

  it.each([
    ['bcc.bj.baidubce.com', 'https://bcc.bj.baidubce.com'],
    ['127.0.0.1:8080', 'https://127.0.0.1:8080'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['https://bcc.gz.baidubce.com/', 'https://bcc.gz.baidubce.com'],
    ['https://bcc.gz.baidubce.com:443', 'https://bcc.gz.baidubce.com'],
  ])('resolves endpoint %s to %s', (endpoint, origin) => {
    expect(createClient({ endpoint, credentials: STATIC }).config.endpoint).toBe(origin);
  });

  it('exposes region and the resolved config, without credentials', () => {
    const client = createClient({ region: 'bj', credentials: STATIC, retry: 5, timeout: false });

    expect(client.region).toBe('bj');
    expect(client.config).toEqual({
      region: 'bj',
      endpoint: 'https://bcc.bj.baidubce.com',
      retry: { limit: 5, baseDelay: 300, maxDelay: 20_000, respectRetryAfter: true },
      timeout: false,
      userAgent: `bcekit/${VERSION}`,
    });
    expect(JSON.stringify(client)).not.toContain(SK);
  });

  it('defaults to 3 retries and a 30 s timeout', () => {
    const { config } = createClient({ region: 'bj', credentials: { accessKeyId: AK, secretAccessKey: SK } });

    expect(config.retry.limit).toBe(3);
    expect(config.timeout).toBe(30_000);
  });

  it('fills the service host from the region, over https', async () => {
    const urls: string[] = [];
    const fetchStub: typeof fetch = async (input) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return new Response('{}', { status: 200 });
    };
    const client = createClient({ region: 'gz', credentials: STATIC, fetch: fetchStub });

    await client.send({ method: 'GET', path: ['v1', 'peerconn'], serviceHost: 'bcc.{region}.baidubce.com' });

    expect(urls).toEqual(['https://bcc.gz.baidubce.com/v1/peerconn']);
  });

  it('lets the endpoint win over the region', async () => {
    const urls: string[] = [];
    const fetchStub: typeof fetch = async (input) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return new Response('', { status: 200 });
    };
    const client = createClient({
      region: 'gz',
      endpoint: 'http://127.0.0.1:9',
      credentials: STATIC,
      fetch: fetchStub,
    });

    await client.send({ method: 'GET', path: ['v1'], serviceHost: 'bcc.{region}.baidubce.com' });

    expect(urls).toEqual(['http://127.0.0.1:9/v1']);
  });

  it('refuses a call without serviceHost when only a region is set, sending nothing', async () => {
    const fetchStub = async () => new Response('{}');
    const client = createClient({ region: 'bj', credentials: STATIC, fetch: fetchStub });

    await expect(client.send({ method: 'GET', path: ['v1'], operation: 'op' })).rejects.toThrow(
      'op: serviceHost is needed',
    );
  });

  it('refuses bad per-call options before sending', async () => {
    const client = createClient({ region: 'bj', credentials: STATIC });

    await expect(client.send({ method: 'GET', path: ['v1'], operation: 'op' }, { retry: -1 })).rejects.toThrow(
      'op: options.retry must be an integer >= 0',
    );
  });
});
