// Verdicts of check-publish.mjs that are worth testing on their own (scripts/test/publish-checks.test.ts).

/**
 * What a user of the types must not read: references to the project's own specs ("spec §2.5", "design.md") and notes
 * about how the code was written. Users have no spec; the JSDoc states the fact itself.
 */
export const NOT_FOR_USERS = [
  [/(?<!RFC \d+ )§/, 'a section sign (a spec reference; public standards read "RFC 9110 §9.2.2")'],
  [
    /\b(?:spec|design|peerconn-api|vpc-api|style)(?:\.md)?\s*§|\b(?:design|peerconn-api|vpc-api|style)\.md\b/i,
    'a spec reference',
  ],
  [/\bWritten first\b|\bbuilt side by side\b/i, 'a note about how the code was written'],
  [/\b(?:TODO|FIXME|XXX|HACK)\b/, 'a to-do note'],
  [/\bissue #?\d+\b|\b(?:the )?lead engineer\b/i, "a reference to the project's issues or team"],
];

/** Problems in the declaration files of a packed tarball (`files` from readTarball). */
export function shippedDocProblems(files) {
  const problems = [];
  for (const [name, body] of files) {
    if (!/\.d\.c?ts$/.test(name)) continue;
    body
      .toString('utf8')
      .split('\n')
      .forEach((line, index) => {
        // One problem per line: the first rule it breaks.
        const hit = NOT_FOR_USERS.find(([pattern]) => pattern.test(line));
        if (hit) problems.push(`${name.replace(/^package\//, '')}:${index + 1} has ${hit[1]}: ${line.trim()}`);
      });
  }
  return problems;
}

/**
 * What a `deno publish --dry-run` said: `passed` (with its warning codes), `not run` when it could not reach the npm
 * registry (nor find the packages in Deno's cache), else `failed`. A run that could not happen is never a pass.
 * @param {number | null} status exit status
 * @param {string} output stdout and stderr
 * @returns {{ result: 'passed', warnings: string[] } | { result: 'not run', reason: string } | { result: 'failed' }}
 */
export function jsrDryRunOutcome(status, output) {
  if (status === 0 && /Dry run complete/.test(output)) {
    const warnings = [...new Set([...output.matchAll(/^warning\[([\w-]+)\]/gm)].map((m) => m[1]))];
    return { result: 'passed', warnings };
  }
  if (/error sending request|dns error|failed to lookup address|Connection refused|certificate/i.test(output)) {
    return { result: 'not run', reason: "npm registry unreachable and not in Deno's cache" };
  }
  return { result: 'failed' };
}
