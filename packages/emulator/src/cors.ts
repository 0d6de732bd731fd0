/**
 * CORS headers added to every emulator response, so a browser page on any origin can call it and read
 * `x-bce-request-id` and `Date` (the SDK learns clock skew from `Date`).
 * @internal
 */
export function corsHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'x-bce-request-id, date',
  };
}

/** @internal The answer to a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`). */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(),
      'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
      // Any header a page adds (x-bce-* headers of other BCE APIs, `traceparent` from a beforeAttempt hook); the
      // `*` wildcard never covers Authorization, so that one is named as well.
      'access-control-allow-headers':
        '*, authorization, content-type, content-md5, x-bce-date, x-bce-security-token, x-bce-request-id',
      'access-control-max-age': '600',
    },
  });
}
