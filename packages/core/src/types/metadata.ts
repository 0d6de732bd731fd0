/** What a call's response and its attempts were, beside the output (the shape AWS SDK v3 users know). */
export interface ResponseMetadata {
  /** The service's id of the request that answered (`x-bce-request-id`), for support tickets and logs. */
  readonly requestId: string | undefined;
  /** HTTP status of the answer. */
  readonly httpStatusCode: number;
  /** Attempts made, the answering one included (1 when no retry was needed). */
  readonly attempts: number;
  /** Time spent waiting between attempts, in ms. */
  readonly totalRetryDelay: number;
}

/** Every operation output carries `$metadata`. */
export interface MetadataBearer {
  /** How the call went: request id, status, attempts, retry delay. */
  readonly $metadata: ResponseMetadata;
}

/** A body with the metadata of the call that brought it, as {@link BceClient.sendWithMetadata} resolves. */
export interface SendResult<T> {
  /** The parsed JSON body, or `undefined` for an empty one. */
  body: T | undefined;
  /** How the call went. */
  $metadata: ResponseMetadata;
}
