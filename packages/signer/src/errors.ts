/**
 * Thrown for unusable signing input. The message names the field and the fix; it never contains a secret.
 */
export class BceSigningError extends TypeError {
  override name = 'BceSigningError';
  /** The offending field, e.g. `credentials.secretAccessKey` or `headers.x-bce-meta`. */
  declare readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}
