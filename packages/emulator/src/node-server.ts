/** A running node:http server of an emulator. */
export interface EmulatorServer {
  /** Base URL to pass as `endpoint`, e.g. `http://127.0.0.1:53111`. */
  url: string;
  port: number;
  /** Stops accepting connections, closes open ones and resolves when the server is closed. */
  close(): Promise<void>;
}

/** Options of `emulator.listen()`. */
export interface ListenOptions {
  /** TCP port; `0` picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default '127.0.0.1' */
  hostname?: string;
  /**
   * Runs in front of the emulator for every request (preflights included): answer it yourself (extra routes,
   * a health check) or pass it on with `next(request)`, e.g. to time or log it. `request.signal` aborts when
   * the client disconnects before the response is sent.
   * @example
   * await emulator.listen({
   *   middleware: (request, next) =>
   *     new URL(request.url).pathname === '/healthz' ? new Response('ok') : next(request),
   * });
   */
  middleware?: (request: Request, next: (request: Request) => Promise<Response>) => Response | Promise<Response>;
}

// The few node:http shapes used here, so the emulator's types never depend on @types/node.
interface IncomingLike extends AsyncIterable<Uint8Array> {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  socket: { destroy(): void };
}
interface ResponseLike {
  writeHead(status: number, headers: Record<string, string>): void;
  end(body?: Uint8Array): void;
  /** True once `end()` was called. */
  readonly writableEnded: boolean;
  on(event: 'close', listener: () => void): void;
}
interface ServerLike {
  listen(port: number, hostname: string, callback: () => void): void;
  address(): { port: number } | string | null;
  close(callback: (error?: Error) => void): void;
  closeAllConnections?(): void;
  on(event: 'error', listener: (error: Error) => void): void;
}
interface HttpLike {
  createServer(handler: (req: IncomingLike, res: ResponseLike) => void): ServerLike;
}

// Held in a variable so bundlers for browsers and Workers leave the import alone; only listen() loads it.
const NODE_HTTP = 'node:http';
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect', 'proxy-connection']);

/**
 * The `Request` of an incoming message. Its body is a stream that reads the socket only when pulled, so a request
 * refused before its body is read (unsigned, or declaring too large a body) never buffers it; `drained()` tells
 * whether the body was read to its end.
 */
function toRequest(req: IncomingLike, base: string, signal: AbortSignal): { request: Request; drained(): boolean } {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  let drained = !hasBody;
  let chunks: AsyncIterator<Uint8Array> | undefined;
  const body = hasBody
    ? new ReadableStream<Uint8Array>({
        async pull(controller) {
          chunks ??= req[Symbol.asyncIterator]();
          const next = await chunks.next();
          if (next.done) {
            drained = true;
            controller.close();
          } else controller.enqueue(next.value);
        },
      })
    : null;
  const host = req.headers.host ?? new URL(base).host;
  // `duplex: 'half'` is what fetch requires of a streamed request body.
  const init = { method, headers, body, signal, duplex: 'half' } as RequestInit;
  return { request: new Request(new URL(req.url ?? '/', `http://${host}`), init), drained: () => drained };
}

/**
 * Serves `handle` over node:http (Node, Bun, Deno). The body is streamed: the emulator reads it only after the
 * signature check, and at most its size limit. Each `Request` carries a signal that aborts when the client
 * disconnects before the response is sent (the response's `close`), so an injected delay ends with it. A `drop`
 * fault destroys the socket. `track` wraps the handling of each request, from its arrival to the response sent.
 * @internal
 */
export async function listen(
  handle: (request: Request) => Promise<Response>,
  options: ListenOptions = {},
  track: (work: () => Promise<void>) => Promise<void> = (work) => work(),
): Promise<EmulatorServer> {
  const http = (await import(/* @vite-ignore */ NODE_HTTP)) as HttpLike;
  const hostname = options.hostname ?? '127.0.0.1';
  const { middleware } = options;
  const serve = middleware ? (request: Request) => Promise.resolve(middleware(request, handle)) : handle;
  let base = `http://${hostname}`;
  const server = http.createServer((req, res) => {
    const disconnected = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) disconnected.abort();
    });
    let drained = () => true;
    void track(() =>
      // In the chain, so that a request that cannot be read (an invalid Host) ends its connection, not the server.
      new Promise<Request>((resolve) => {
        const incoming = toRequest(req, base, disconnected.signal);
        drained = incoming.drained;
        resolve(incoming.request);
      })
        .then(serve)
        .then(async (response) => {
          if (response.type === 'error') return req.socket.destroy();
          if (disconnected.signal.aborted) return; // handled after the client left (applyAfterDisconnect)
          const headers: Record<string, string> = {};
          response.headers.forEach((value, name) => {
            headers[name] = value;
          });
          // A body left unread (the request was refused first) is not waited for: the connection ends here.
          if (!drained()) headers['connection'] = 'close';
          const body = new Uint8Array(await response.arrayBuffer());
          res.writeHead(response.status, headers);
          res.end(body);
        })
        .catch(() => req.socket.destroy()),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.on('error', reject);
    server.listen(options.port ?? 0, hostname, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  base = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;
  return {
    url: base,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections?.();
      }),
  };
}
