/** Access key pair, optionally with an STS session token. */
export interface BceCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** STS session token; when present, sent and signed as `x-bce-security-token` by the client. */
  sessionToken?: string | undefined;
}

/** Query values as accepted by the signer: `null`, `undefined` and `''` all canonicalise to `key=`. */
export type SignableQuery = Record<string, string | number | boolean | null | undefined>;

/** Header values; `undefined` and empty values are skipped. */
export type SignableHeaders = Record<string, string | number | undefined> | Headers;

/** The parts of an HTTP request that BCE auth v1 covers. */
export interface SignableRequest {
  /** HTTP method; upper-cased for signing. */
  method: string;
  /**
   * Path as sent on the wire, percent-encoded (`/v1/peerconn/peerconn-9td54fmx143e`). It is the canonical URI:
   * existing `%XX` escapes are kept, so an encoded path is never encoded twice.
   */
  path: string;
  query?: SignableQuery | undefined;
  headers?: SignableHeaders | undefined;
}

/** How to sign. */
export interface SignOptions {
  credentials: BceCredentials;
  /** Signing time: a `Date`, or Unix seconds. Default: now. */
  timestamp?: Date | number | undefined;
  /** Validity of the signature in seconds. Default 1800. */
  expirationInSeconds?: number | undefined;
  /**
   * Headers to sign besides every `x-bce-*` header (case-insensitive). Default: host, content-length, content-type,
   * content-md5 — those present are signed.
   */
  headersToSign?: readonly string[] | undefined;
  /**
   * Sign exactly `headersToSign`, without adding the other `x-bce-*` headers. For servers that verify a received
   * request against the signed-headers list it names.
   */
  exactHeaders?: boolean | undefined;
}
