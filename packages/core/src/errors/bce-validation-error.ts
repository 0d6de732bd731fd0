import { BceError } from './bce-error.ts';

/** One problem with an input: where (`bandwidthInMbps`, `billing.reservation.reservationLength`) and what. */
export interface ValidationIssue {
  /** Dotted path of the field; `''` for the input as a whole. */
  path: string;
  /** What was expected and what came, e.g. `must be an integer >= 1 (got 0)`. */
  message: string;
}

/**
 * The input of an operation was invalid; nothing was sent. One issue per problem.
 *
 * @example
 * throw new BceValidationError('resizePeerconn', [{ path: 'newBandwidthInMbps', message: 'must be an integer >= 1 (got 0)' }]);
 * // message: "resizePeerconn: newBandwidthInMbps must be an integer >= 1 (got 0)"
 */
export class BceValidationError extends BceError {
  override name = 'BceValidationError';
  declare readonly issues: readonly ValidationIssue[];

  constructor(operation: string, issues: readonly ValidationIssue[]) {
    super(`${operation}: ${issues.length > 0 ? describeIssues(issues) : 'invalid input'}`, { attempts: 0, operation });
    this.issues = issues.map((issue) => ({ ...issue }));
  }
}

/**
 * The one place an issue list becomes words: `path message` per issue, `; ` between them (`''` for none).
 *
 * @internal
 */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path} ${issue.message}` : issue.message)).join('; ');
}
