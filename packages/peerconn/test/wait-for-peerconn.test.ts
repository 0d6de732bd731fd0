import { BceError, BceServiceError, BceTimeoutError, BceValidationError, BceWaitTimeoutError } from '@bcekit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { armedTimers, timerAt } from '../../../scripts/test-helpers/timers.ts';
import { waitForPeerconn } from '../src/index.ts';
import { serviceError, useCaptureServer } from './helpers/capture-server.ts';
import { createRecordingClient } from './helpers/recording-client.ts';

const peerConnId = 'peerconn-x7a2sf0ck5nj';
const fast = { minDelay: 1, maxDelay: 2 };
// A deadline for waits that end by reaching their target: no busy machine gets near it, the test's own timeout
// comes first. Waits that are about the deadline arm one the test fires (timerAt) once the polls it needs are in.
const ROOMY = 600_000;
const DEADLINE = 3_600_000;

/** A client that answers `state` to every poll; `polled` resolves once poll number `polls` is sent. */
function clientStuckAt(state: Record<string, unknown>, polls: number) {
  let reached = () => {};
  const polled = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const recording = createRecordingClient((_request, index) => {
    if (index + 1 >= polls) reached();
    return { peerConnId, ...state };
  });
  return { ...recording, polled };
}

/** A client whose getPeerconn answers walk through `states` (the last one repeats). */
function clientAnswering(...states: Record<string, unknown>[]) {
  return createRecordingClient((_request, index) => ({ peerConnId, ...states[Math.min(index, states.length - 1)] }));
}

describe('waitForPeerconn', () => {
  afterEach(() => vi.restoreAllMocks());

  it('polls through intermediate states until active, and returns the connection', async () => {
    const { client, sent } = clientAnswering({ status: 'creating' }, { status: 'consulting' }, { status: 'active' });

    const pc = await waitForPeerconn(client, { peerConnId, until: 'active', maxWaitTime: ROOMY, ...fast });

    expect(pc).toMatchObject({ peerConnId, status: 'active' });
    expect(sent).toHaveLength(3);
    expect(sent[0]).toMatchObject({ method: 'GET', path: ['v1', 'peerconn', peerConnId], operation: 'getPeerconn' });
  });

  it('accepts { status } as the target and reads the given role', async () => {
    const { client, sent } = clientAnswering({ status: 'updating' }, { status: 'active' });

    await waitForPeerconn(client, {
      peerConnId,
      until: { status: 'active' },
      role: 'acceptor',
      maxWaitTime: ROOMY,
      ...fast,
    });

    expect(sent[0]?.query).toEqual({ role: 'acceptor' });
  });

  it('waits for a DNS status through syncing', async () => {
    const { client, sent } = clientAnswering(
      { status: 'active', dnsStatus: 'close' },
      { status: 'active', dnsStatus: 'syncing' },
      { status: 'active', dnsStatus: 'open' },
    );

    const pc = await waitForPeerconn(client, { peerConnId, until: { dnsStatus: 'open' }, maxWaitTime: ROOMY, ...fast });

    expect(pc.dnsStatus).toBe('open');
    expect(sent).toHaveLength(3);
  });

  it('rejects at once on consult_failed, naming the state', async () => {
    const { client, sent } = clientAnswering({ status: 'consulting' }, { status: 'consult_failed' });

    const call = waitForPeerconn(client, { peerConnId, until: 'active', maxWaitTime: 60_000, ...fast });

    await expect(call).rejects.toBeInstanceOf(BceError);
    await expect(call).rejects.not.toBeInstanceOf(BceTimeoutError);
    await expect(call).rejects.toThrow(
      `waitForPeerconn: ${peerConnId} is "consult_failed", a state it will not leave; stopped waiting for "active"`,
    );
    expect(sent).toHaveLength(2);
  });

  it.each(['deleted', 'expired', 'error'])('rejects at once on %s', async (status) => {
    const { client, sent } = clientAnswering({ status });

    const call = waitForPeerconn(client, { peerConnId, until: 'active', maxWaitTime: 60_000, ...fast });

    await expect(call).rejects.toThrow(`is "${status}"`);
    expect(sent).toHaveLength(1);
  });

  it('resolves when the terminal state is the target', async () => {
    const { client } = clientAnswering({ status: 'consulting' }, { status: 'consult_failed' });

    const pc = await waitForPeerconn(client, { peerConnId, until: 'consult_failed', maxWaitTime: ROOMY, ...fast });

    expect(pc.status).toBe('consult_failed');
  });

  it('passes through other final states while waiting for deleted', async () => {
    const { client } = clientAnswering({ status: 'consult_failed' }, { status: 'deleting' }, { status: 'deleted' });

    const pc = await waitForPeerconn(client, { peerConnId, until: 'deleted', maxWaitTime: ROOMY, ...fast });

    expect(pc.status).toBe('deleted');
  });

  it('fails past maxWaitTime with a BceWaitTimeoutError naming the last status, not a request timeout', async () => {
    const { client, polled } = clientStuckAt({ status: 'creating', dnsStatus: 'close' }, 3);
    const deadline = timerAt(DEADLINE);

    // The connection stays 'creating' forever: only the deadline ends the wait. It passes once two polls were
    // answered (the test fires it then; a real short one could pass before any answer on a busy machine).
    const call = waitForPeerconn(client, { peerConnId, until: 'active', maxWaitTime: DEADLINE, ...fast });
    await polled;
    deadline.fire();

    const error = (await call.catch((e: unknown) => e)) as BceWaitTimeoutError;
    expect(error).toBeInstanceOf(BceWaitTimeoutError);
    expect(error).not.toBeInstanceOf(BceTimeoutError);
    expect(error).toMatchObject({
      name: 'BceWaitTimeoutError',
      operation: 'waitForPeerconn',
      resource: peerConnId,
      target: '"active"',
      maxWaitTime: DEADLINE,
      lastStatus: 'creating',
      lastSeen: { peerConnId, status: 'creating' },
      polls: 2,
      attempts: 2,
    });
    expect(error.message).toMatch(
      /^waitForPeerconn: peerconn-x7a2sf0ck5nj did not reach "active" within maxWaitTime 3600000 ms \(last status "creating", 2 polls\); raise maxWaitTime/,
    );
    expect(error.message).not.toMatch(/GET|\/v1\/|attempt/);
  });

  it('sets its deadline to maxWaitTime exactly, however short', async () => {
    const timers = armedTimers();
    const { client } = clientAnswering({ status: 'creating' });

    const call = waitForPeerconn(client, { peerConnId, until: 'active', maxWaitTime: 40, minDelay: 5, maxDelay: 5 });

    await expect(call).rejects.toThrow(/within maxWaitTime 40 ms/);
    // The deadline timer is the first one set, before any poll; no timer reaches a floor such as 900 ms.
    expect(timers[0]).toBe(40);
    expect(Math.max(...timers)).toBeLessThan(900);
  });

  it('filters the statuses it reports: an echoed Authorization never reaches the message', async () => {
    const signature = 'ab'.repeat(32);
    const echoed = `bce-auth-v1/AKexample/2024-01-01T00:00:00Z/1800/host;x-bce-date/${signature}`;
    const { client, polled } = clientStuckAt({ status: 'active', dnsStatus: echoed }, 2);
    const deadline = timerAt(DEADLINE);

    const call = waitForPeerconn(client, { peerConnId, until: { dnsStatus: 'open' }, maxWaitTime: DEADLINE, ...fast });
    await polled;
    deadline.fire();

    const error = (await call.catch((e: unknown) => e)) as BceWaitTimeoutError;
    expect(error).toBeInstanceOf(BceWaitTimeoutError);
    expect(error.message).toContain('last status "bce-auth-v1/<redacted>"');
    expect(error.lastStatus).toBe('bce-auth-v1/<redacted>');
    const seen = `${error.message}${JSON.stringify(error)}${error.stack}${JSON.stringify(error.lastSeen)}`;
    expect(seen).not.toContain(signature);
  });

  it('names the last DNS status when waiting for one', async () => {
    const { client, polled } = clientStuckAt({ status: 'active', dnsStatus: 'syncing' }, 2);
    const deadline = timerAt(DEADLINE);

    const call = waitForPeerconn(client, { peerConnId, until: { dnsStatus: 'open' }, maxWaitTime: DEADLINE, ...fast });
    await polled;
    deadline.fire();

    await expect(call).rejects.toMatchObject({ target: 'dnsStatus "open"', lastStatus: 'syncing' });
  });

  it('says no answer came when the deadline passes during the first poll', async () => {
    // The first poll never answers; like a real client, it gives up when its signal aborts.
    const recording = createRecordingClient(() => {
      const signal = recording.options[0]?.signal;
      return new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    });
    const { client } = recording;

    const call = waitForPeerconn(client, { peerConnId, until: 'active', maxWaitTime: 30, ...fast });

    await expect(call).rejects.toMatchObject({ name: 'BceWaitTimeoutError', polls: 0, lastStatus: undefined });
    await expect(call).rejects.toThrow('(no answer yet, 0 polls)');
  });

  it('times out during a long sleep instead of oversleeping', async () => {
    const { client, sent } = clientAnswering({ status: 'creating' });
    const sleeping = timerAt(600_000);
    const deadline = timerAt(DEADLINE);

    // A sleep longer than the test's timeout: the wait ends in time only if the deadline cuts the sleep. The
    // deadline passes once the sleep has started (a real short one could pass during the first poll instead).
    const call = waitForPeerconn(client, {
      peerConnId,
      until: 'active',
      maxWaitTime: DEADLINE,
      minDelay: 600_000,
      maxDelay: 600_000,
    });
    await sleeping.armed;
    deadline.fire();

    await expect(call).rejects.toBeInstanceOf(BceWaitTimeoutError);
    expect(sent).toHaveLength(1);
  });

  it('rejects with the signal’s reason when aborted mid-sleep, without sleeping it out', async () => {
    const { client, sent } = clientAnswering({ status: 'creating' });
    const sleeping = timerAt(600_000);
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const call = waitForPeerconn(
      client,
      // Sleep and deadline are longer than the test's timeout: only the abort can end the wait in time.
      { peerConnId, until: 'active', maxWaitTime: 3_600_000, minDelay: 600_000, maxDelay: 600_000 },
      { signal: controller.signal },
    );
    // The first poll answered and the sleep started: the abort lands mid-sleep, not mid-poll.
    await sleeping.armed;

    controller.abort(reason);

    await expect(call).rejects.toBe(reason);
    expect(sent).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { client, sent } = clientAnswering({ status: 'active' });
    const reason = new Error('too late');

    const call = waitForPeerconn(
      client,
      { peerConnId, until: 'active', maxWaitTime: 1_000 },
      { signal: AbortSignal.abort(reason) },
    );

    await expect(call).rejects.toBe(reason);
    expect(sent).toHaveLength(0);
  });

  it('backs off from minDelay, doubling up to maxDelay', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1); // the top of each jitter range
    const armed = armedTimers();
    const { client } = clientAnswering(
      { status: 'creating' },
      { status: 'creating' },
      { status: 'creating' },
      { status: 'creating' },
      { status: 'active' },
    );

    await waitForPeerconn(client, { peerConnId, until: 'active', maxWaitTime: ROOMY, minDelay: 2, maxDelay: 10 });

    // Every timer but the maxWaitTime one (ROOMY) is a sleep between polls.
    expect(armed.filter((ms) => ms !== ROOMY)).toEqual([2, 4, 8, 10]);
  });

  it('draws each delay between minDelay and its ceiling (jitter)', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const armed = armedTimers();
    const { client } = clientAnswering(
      { status: 'creating' },
      { status: 'creating' },
      { status: 'creating' },
      { status: 'active' },
    );

    await waitForPeerconn(client, { peerConnId, until: 'active', maxWaitTime: ROOMY, minDelay: 3, maxDelay: 100 });

    expect(armed.filter((ms) => ms !== ROOMY)).toEqual([3, 3, 3]);
  });

  it('passes a service error through', async () => {
    const { client } = createRecordingClient(() => {
      throw new BceServiceError({
        statusCode: 403,
        code: 'AccessDenied',
        serviceMessage: 'no',
        requestId: undefined,
        method: 'GET',
        path: `/v1/peerconn/${peerConnId}`,
      });
    });

    const call = waitForPeerconn(client, { peerConnId, until: 'active', maxWaitTime: 1_000, ...fast });

    await expect(call).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  describe('rejects without sending', () => {
    it.each([
      ['a missing maxWaitTime', { maxWaitTime: undefined }, 'maxWaitTime'],
      ['maxWaitTime 0', { maxWaitTime: 0 }, 'maxWaitTime'],
      ['an infinite maxWaitTime', { maxWaitTime: Number.POSITIVE_INFINITY }, 'maxWaitTime'],
      ['a missing until', { until: undefined }, 'until'],
      ['an empty until', { until: '' }, 'until'],
      ['an until of the wrong shape', { until: { state: 'active' } }, 'until'],
      ['a misspelt status', { until: 'actve' }, 'until'],
      ['a status in a different case', { until: 'Active' }, 'until'],
      ['an unknown { status }', { until: { status: 'actve' } }, 'until'],
      ['an unknown { dnsStatus }', { until: { dnsStatus: 'opened' } }, 'until'],
      ['a peer connection status as dnsStatus', { until: { dnsStatus: 'active' } }, 'until'],
      ['both status and dnsStatus', { until: { status: 'active', dnsStatus: 'open' } }, 'until'],
      ['minDelay 0', { minDelay: 0 }, 'minDelay'],
      ['maxDelay below minDelay', { minDelay: 100, maxDelay: 10 }, 'maxDelay'],
      ['an empty peerConnId', { peerConnId: '' }, 'peerConnId'],
      ['an unknown role', { role: 'owner' }, 'role'],
    ])('%s', async (_title, change, path) => {
      const { client, sent } = createRecordingClient();

      const call = waitForPeerconn(client, { peerConnId, until: 'active', maxWaitTime: 1_000, ...change } as never);

      await expect(call).rejects.toBeInstanceOf(BceValidationError);
      await expect(call).rejects.toMatchObject({ operation: 'waitForPeerconn', issues: [{ path }] });
      expect(sent).toHaveLength(0);
    });
  });

  describe('over HTTP', () => {
    const server = useCaptureServer();

    it('reaches active through creating and consulting', async () => {
      const states = ['creating', 'consulting', 'active'];
      server.current.respond((_request, index) => ({ body: { peerConnId, status: states[Math.min(index, 2)] } }));

      const pc = await waitForPeerconn(server.current.client(), {
        peerConnId,
        until: 'active',
        maxWaitTime: ROOMY,
        ...fast,
      });

      expect(pc.status).toBe('active');
      expect(server.current.requests.map((r) => r.path)).toEqual(Array(3).fill(`/v1/peerconn/${peerConnId}`));
    });

    it('counts a 404 as deleted when waiting for deleted', async () => {
      server.current.respond((_request, index) =>
        index === 0 ? { body: { peerConnId, status: 'deleting' } } : serviceError(404, 'NoSuchPeerConn'),
      );

      const pc = await waitForPeerconn(server.current.client(), {
        peerConnId,
        until: 'deleted',
        maxWaitTime: ROOMY,
        ...fast,
      });

      expect(pc).toMatchObject({ peerConnId, status: 'deleted' });
    });

    it('does not count a 404 as reached for other targets', async () => {
      server.current.respond(serviceError(404, 'NoSuchPeerConn'));

      const call = waitForPeerconn(server.current.client(), {
        peerConnId,
        until: 'active',
        maxWaitTime: ROOMY,
        ...fast,
      });

      await expect(call).rejects.toMatchObject({ statusCode: 404 });
    });
  });
});
