import type { TransportHeaders, TransportRequest, TransportResponse } from './fetch-transport.ts';

// The little of node:http and node:https used here (the sources are typed without @types/node).
interface NodeHttp {
  request(url: string, options: Record<string, unknown>): ClientRequest;
  Agent: new (options: Record<string, unknown>) => unknown;
}
interface ClientRequest {
  once(event: 'response', listener: (response: IncomingMessage) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  end(body?: string | Uint8Array): unknown;
}
interface Readable extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
}
interface IncomingMessage extends Readable {
  statusCode?: number;
  statusMessage?: string;
  /** Every value of every header, by lower-case name. */
  headersDistinct: Record<string, string[]>;
  rawHeaders: string[];
}

interface NodeZlib {
  createGunzip(): Readable;
  createInflate(): Readable;
  createBrotliDecompress(): Readable;
}
type GetBuiltinModule = (id: string) => unknown;

type Scheme = 'http' | 'https';
const agents: Partial<Record<Scheme, unknown>> = {};

/**
 * One attempt over `node:http` / `node:https`: Node's default transport when the caller passes no `fetch`.
 * A `fetch()` in a fresh Node process loads undici and leaves V8 compiling its WASM HTTP parser before the process
 * can exit (~120 ms of a first request, against ~15 ms for `node:http`; core's README has the measurements).
 * Behaves as core's fetch transport does: redirects are answers, never followed; the body goes as UTF-8 with the
 * signed Content-Length; `signal` aborts the request and the body read; connections are kept alive for the next
 * call (one agent per scheme, as Node's global agent: keep-alive, LIFO, idle sockets closed after 5 s and never
 * keeping the process alive). The modules are looked up per call (`process.getBuiltinModule`), so nothing loads
 * on import and a request interceptor patching `http.request` (msw, nock) sees every call.
 *
 * @internal
 */
export function nodeHttpTransport({
  url,
  method,
  headers,
  body,
  signal,
}: TransportRequest): Promise<TransportResponse> {
  const scheme: Scheme = url.startsWith('https:') ? 'https' : 'http';
  const load = (globalThis as { process?: { getBuiltinModule: GetBuiltinModule } }).process!.getBuiltinModule;
  const http = load(`node:${scheme}`) as NodeHttp;
  agents[scheme] ??= new http.Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });
  // A string goes as its UTF-8 bytes, which is what attempt.ts measured for the signed Content-Length.
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  // The encodings fetch asks for (and decodes), so that what goes over the wire stays as it was with fetch.
  const sent: Record<string, string> = { 'accept-encoding': 'gzip, deflate', ...headers };
  if (bytes) sent['content-length'] = String(bytes.byteLength);
  return new Promise((resolve, reject) => {
    // `signal` destroys the request, and with it the response being read. `on`, not `once`: a second error
    // must not go unhandled.
    const request = http.request(url, { method, headers: sent, agent: agents[scheme], signal });
    request.on('error', reject);
    request.once('response', (response) => {
      const status = response.statusCode ?? 0;
      // fetch fails on these too (a final 1xx, or no HTTP status at all): a network error, never a crash.
      if (status < 200) {
        response.destroy();
        reject(new TypeError(`unusable HTTP status ${status} (${response.statusMessage})`));
      } else {
        // No body to decode in these, whatever Content-Encoding says (fetch does not try either).
        const bodiless = method === 'HEAD' || status === 204 || status === 304;
        resolve(toResponse(response, bodiless ? response : decoded(response, load), signal));
      }
    });
    request.end(bytes);
  });
}

/** The body as fetch gives it: decoded by its Content-Encoding (a bad encoding fails the read). */
function decoded(response: IncomingMessage, load: GetBuiltinModule): Readable {
  const coding = response.headersDistinct['content-encoding']?.join(',').trim().toLowerCase();
  if (!coding || coding === 'identity') return response;
  const zlib = load('node:zlib') as NodeZlib;
  const decoder =
    coding === 'gzip' || coding === 'x-gzip'
      ? zlib.createGunzip()
      : coding === 'deflate'
        ? zlib.createInflate()
        : coding === 'br'
          ? zlib.createBrotliDecompress()
          : undefined;
  if (!decoder) return response;
  const { pipeline } = load('node:stream') as { pipeline(...streams: [Readable, Readable, () => void]): unknown };
  // An error on either side destroys both (and the read fails); a cancelled read drops the connection.
  pipeline(response, decoder, () => undefined);
  return decoder;
}

function toResponse(response: IncomingMessage, body: Readable, signal: AbortSignal): TransportResponse {
  const iterator = body[Symbol.asyncIterator]();
  return {
    status: response.statusCode ?? 0,
    statusText: response.statusMessage ?? '',
    headers: toHeaders(response),
    body: {
      getReader: () => ({
        // A read that ends after an abort fails, whatever the stream said: a cut-off body is never complete.
        read: async () => {
          const result = await iterator.next();
          signal.throwIfAborted();
          return result as ReadableStreamReadResult<Uint8Array>;
        },
        // Stops the read and drops the connection (the rest of the body is never read).
        cancel: async () => void (await iterator.return?.()),
      }),
    },
  };
}

/** What fetch's `Headers` would give: every value of a header joined with `, `, by any-case name. */
function toHeaders(response: IncomingMessage): TransportHeaders {
  const all = response.headersDistinct;
  return {
    get: (name) => all[name.toLowerCase()]?.join(', ') ?? null,
    *[Symbol.iterator]() {
      const raw = response.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) yield [raw[i]!.toLowerCase(), raw[i + 1]!];
    },
  };
}
