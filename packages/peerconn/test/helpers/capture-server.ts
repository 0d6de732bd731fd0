// The capture server serves every service package's tests: it lives in scripts/test-helpers.
export * from '../../../../scripts/test-helpers/capture-server.ts';
