/**
 * A peer connection viewer running in the browser with @bcekit/core and @bcekit/peerconn.
 *
 * The page holds no key of its own: it asks its backend (`/sts` here) for temporary STS-style credentials
 * (accessKeyId, secretAccessKey, sessionToken, expiration) and the client asks again shortly before they expire.
 * Requests then go straight from the browser to the API, signed with `x-bce-security-token`.
 */
import { BceError, BceServiceError, BceValidationError, createClient, type ProvidedCredentials } from '@bcekit/core';
import { acceptPeerconn, createPeerconn, deletePeerconn, type PeerConn, paginatePeerconns } from '@bcekit/peerconn';

const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined;
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const endpoint = meta('bce-endpoint');
const region = meta('bce-region');
const credentialsUrl = meta('bce-credentials-url') ?? '/sts';

/** Fetches temporary credentials from the page's backend (which calls STS with its own, permanent key). */
async function temporaryCredentials(): Promise<ProvidedCredentials> {
  const response = await fetch(credentialsUrl, { method: 'POST' });
  if (!response.ok) throw new Error(`${credentialsUrl} answered ${response.status}`);
  const body = (await response.json()) as ProvidedCredentials & { accountId?: string };
  byId('identity').textContent = `account ${body.accountId ?? '?'}, key ${body.accessKeyId}, until ${body.expiration}`;
  return body;
}

const client = createClient({
  ...(endpoint ? { endpoint } : {}),
  ...(region && !endpoint ? { region } : {}),
  credentials: temporaryCredentials, // cached until 5 minutes before `expiration`, then fetched again
});

const message = byId<HTMLParagraphElement>('message');
function say(text: string, isError = false): void {
  message.textContent = text;
  message.className = isError ? 'error' : '';
}

/** A readable line for any failure; bcekit messages are redacted, so they are safe to show. */
function describeError(error: unknown): string {
  if (error instanceof BceValidationError) return error.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  if (error instanceof BceServiceError) return `${error.code} (${error.statusCode}): ${error.serviceMessage}`;
  if (error instanceof BceError || error instanceof Error) return error.message;
  return String(error);
}

/** Runs an action with the buttons disabled and reports its outcome. */
async function run(label: string, action: () => Promise<string | undefined>): Promise<void> {
  const buttons = [...document.querySelectorAll('button')];
  for (const button of buttons) button.disabled = true;
  say(`${label}…`);
  try {
    const done = await action();
    if (done) say(done);
  } catch (error) {
    say(`${label} failed: ${describeError(error)}`, true);
  } finally {
    for (const button of buttons) button.disabled = false;
  }
}

function cell(row: HTMLTableRowElement, text: string, className?: string): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function actionButton(td: HTMLTableCellElement, label: string, onClick: () => void): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', onClick);
  td.append(button);
}

function render(peerConns: PeerConn[]): void {
  const body = byId<HTMLTableElement>('peerconns').tBodies[0]!;
  body.replaceChildren();
  for (const pc of peerConns) {
    const row = body.insertRow();
    row.dataset.id = pc.peerConnId;
    cell(row, pc.peerConnId, 'id');
    cell(row, pc.status, 'status').dataset.status = pc.status;
    cell(row, pc.role, 'role');
    cell(row, pc.localVpcId);
    cell(row, pc.peerVpcId);
    cell(row, pc.peerRegion);
    cell(row, `${pc.bandwidthInMbps} Mbps`);
    cell(row, pc.createdTime);
    const actions = row.insertCell();
    if (pc.role === 'acceptor' && pc.status === 'consulting') {
      actionButton(actions, 'Accept', () => void run('Accepting', () => accept(pc.peerConnId)));
    }
    if (pc.role === 'initiator' && pc.status !== 'deleting') {
      actionButton(actions, 'Delete', () => void run('Deleting', () => remove(pc.peerConnId)));
    }
  }
}

async function refresh(): Promise<string> {
  const peerConns: PeerConn[] = [];
  for await (const pc of paginatePeerconns(client).items()) peerConns.push(pc);
  render(peerConns);
  return `${peerConns.length} peer connection${peerConns.length === 1 ? '' : 's'}`;
}

async function accept(peerConnId: string): Promise<string> {
  await acceptPeerconn(client, { peerConnId });
  await refresh();
  return `accepted ${peerConnId}`;
}

async function remove(peerConnId: string): Promise<string> {
  await deletePeerconn(client, { peerConnId });
  await refresh();
  return `deleting ${peerConnId}`;
}

byId('refresh').addEventListener('click', () => void run('Refreshing', refresh));

byId<HTMLFormElement>('create').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.currentTarget as HTMLFormElement);
  const text = (name: string) => String(form.get(name) ?? '').trim();
  void run('Creating', async () => {
    const { peerConnId } = await createPeerconn(client, {
      localVpcId: text('localVpcId'),
      peerVpcId: text('peerVpcId'),
      peerRegion: text('peerRegion'),
      bandwidthInMbps: Number(text('bandwidthInMbps')),
      ...(text('peerAccountId') ? { peerAccountId: text('peerAccountId') } : {}),
    });
    await refresh();
    return `created ${peerConnId}`;
  });
});

void run('Loading', refresh);
