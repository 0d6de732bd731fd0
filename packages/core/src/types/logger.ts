/**
 * Where the client reports what it does. Data never carries credentials, signatures, the security token or
 * bodies. Any `console` fits.
 */
export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}
