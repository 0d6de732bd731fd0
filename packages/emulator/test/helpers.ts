import { createClient } from '@bcekit/core';
import { createEmulator, type Emulator, type EmulatorOptions, type EmulatorServer } from '@bcekit/emulator';
import { type BceCredentials, sign } from '@bcekit/signer';

/** A request shaped and signed like a client would send it. */
export interface SignedRequestInput {
  url: string;
  method?: string;
  /** Sent in this order; `''` values go bare (`?accept`), unless `emptyFlags` writes them as `accept=`. */
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  credentials: BceCredentials;
  /** Unix seconds. @default now by the real clock */
  timestamp?: number;
  expirationInSeconds?: number;
  headersToSign?: readonly string[];
  /** Write an empty signed-headers segment (`…/1800//sig`), as the Python SDK does. */
  emptySegment?: boolean;
  emptyFlags?: boolean;
}

const encode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Builds and signs a raw `Request` with `@bcekit/signer`. */
export async function signedRequest(input: SignedRequestInput): Promise<Request> {
  const url = new URL(input.url);
  const query = input.query ?? {};
  const wire = Object.entries(query).map(([k, v]) =>
    v === '' && !input.emptyFlags ? encode(k) : `${encode(k)}=${encode(v)}`,
  );
  url.search = wire.join('&');
  const method = input.method ?? 'GET';
  const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    host: url.host,
    'x-bce-date': new Date(timestamp * 1000).toISOString().slice(0, 19) + 'Z',
    ...(input.body !== undefined ? { 'content-type': 'application/json;charset=utf-8' } : {}),
    ...input.headers,
  };
  if (input.credentials.sessionToken) headers['x-bce-security-token'] = input.credentials.sessionToken;
  let authorization = await sign(
    { method, path: url.pathname, query, headers },
    {
      credentials: input.credentials,
      timestamp,
      expirationInSeconds: input.expirationInSeconds ?? 1800,
      headersToSign: input.headersToSign ?? ['host', 'content-type'],
    },
  );
  if (input.emptySegment) {
    const parts = authorization.split('/');
    parts[4] = '';
    authorization = parts.join('/');
  }
  const { host: _host, ...sent } = headers;
  return new Request(url, {
    method,
    headers: { ...sent, authorization },
    ...(input.body !== undefined ? { body: input.body } : {}),
  });
}

/** Reads a BCE error body. */
export async function errorCode(response: Response): Promise<string> {
  const body = (await response.json()) as { code: string };
  return body.code;
}

/** A started emulator over real HTTP on 127.0.0.1, and clients for its accounts. */
export interface Started {
  emulator: Emulator;
  server: EmulatorServer;
  client(credentials: BceCredentials): ReturnType<typeof createClient>;
  close(): Promise<void>;
}

type Middleware = NonNullable<Parameters<Emulator['listen']>[0]>['middleware'];

/** Starts an emulator (`realTime: false` unless given) and serves it on 127.0.0.1, through `middleware` if given. */
export async function startEmulator(options: EmulatorOptions = {}, middleware?: Middleware): Promise<Started> {
  const emulator = createEmulator({ realTime: false, ...options });
  const server = await emulator.listen(middleware ? { middleware } : undefined);
  return {
    emulator,
    server,
    client: (credentials) => createClient({ endpoint: server.url, credentials, retry: 0 }),
    close: () => server.close(),
  };
}

/**
 * A middleware whose `arrived` resolves once the server holds a whole POST request, before the emulator (and any
 * injected delay) starts on it: the moment a test makes its client give up, instead of a timer that races a busy
 * machine.
 */
export function postArrival(): { middleware: Middleware; arrived: Promise<void> } {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const middleware: Middleware = async (request, next) => {
    if (request.method === 'POST') {
      await request.clone().arrayBuffer();
      arrive();
    }
    return next(request);
  };
  return { middleware, arrived };
}

/** The `code` of the BceServiceError a call rejects with (fails the test when it resolves). */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  throw new Error('expected the call to fail');
}
