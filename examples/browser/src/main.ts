/**
 * A network viewer running in the browser with @bcekit/core, @bcekit/vpc and @bcekit/peerconn: the account's
 * VPCs and peer connections drawn as a picture (src/map.ts) and listed in a table, a Connect form that runs
 * connectVpcs and shows each step, and create / accept / delete on single connections.
 *
 * The page holds no key of its own: it asks its backend (`/sts` here) for temporary STS-style credentials
 * (accessKeyId, secretAccessKey, sessionToken, expiration) and the client asks again shortly before they expire.
 * Requests then go straight from the browser to the API, signed with `x-bce-security-token`.
 */
import { BceError, BceServiceError, BceValidationError, createClient, type ProvidedCredentials } from '@bcekit/core';
import {
  acceptPeerconn,
  type ConnectStep,
  connectVpcs,
  createPeerconn,
  deletePeerconn,
  getPeerconn,
  type PeerConn,
  paginatePeerconns,
} from '@bcekit/peerconn';
import { getRouteTable, paginateVpcs } from '@bcekit/vpc';
import { drawMap, type MapLink, type MapVpc, type Routed } from './map.ts';

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
  // The region also tells connectVpcs whether a peer VPC of this account is in the client's region.
  ...(region ? { region } : {}),
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

/** Whether `vpcId`'s route table sends anything to the connection's interface on that side. */
async function routes(vpcId: string, interfaceId: string | undefined): Promise<Routed> {
  if (!interfaceId) return 'no';
  const table = await getRouteTable(client, { vpcId });
  return table.routeRules.some((rule) => rule.nexthopType === 'peerConn' && rule.nexthopId === interfaceId)
    ? 'yes'
    : 'no';
}

/** Reads the VPCs of the client's region and each connection's route state, and draws them. */
async function drawNetwork(peerConns: PeerConn[]): Promise<void> {
  const vpcs = new Map<string, MapVpc>();
  for await (const vpc of paginateVpcs(client).items()) {
    vpcs.set(vpc.vpcId, { vpcId: vpc.vpcId, name: vpc.name, cidr: vpc.cidr, external: false });
  }
  const links: MapLink[] = [];
  for (const pc of peerConns) {
    for (const [vpcId, vpcRegion] of [
      [pc.localVpcId, pc.localRegion],
      [pc.peerVpcId, pc.peerRegion],
    ]) {
      if (!vpcs.has(vpcId!)) vpcs.set(vpcId!, { vpcId: vpcId!, region: vpcRegion!, external: true });
    }
    const live = pc.status !== 'deleting';
    const aRouted =
      live && vpcs.get(pc.localVpcId)?.external === false ? await routes(pc.localVpcId, pc.localIfId) : 'unknown';
    // The other end is ours to read only when its VPC is one of ours (same account, this region).
    let bRouted: Routed = 'unknown';
    if (live && vpcs.get(pc.peerVpcId)?.external === false) {
      const other = await getPeerconn(client, {
        peerConnId: pc.peerConnId,
        role: pc.role === 'initiator' ? 'acceptor' : 'initiator',
      });
      bRouted = await routes(pc.peerVpcId, other.localIfId);
    }
    links.push({ peerConnId: pc.peerConnId, status: pc.status, a: pc.localVpcId, b: pc.peerVpcId, aRouted, bRouted });
  }
  drawMap(document.querySelector<SVGSVGElement>('#map')!, [...vpcs.values()], links);
}

async function refresh(): Promise<string> {
  const peerConns: PeerConn[] = [];
  for await (const pc of paginatePeerconns(client).items()) peerConns.push(pc);
  render(peerConns);
  await drawNetwork(peerConns);
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

/** One line of the Connect progress list per step connectVpcs reports. */
function showStep(step: ConnectStep): void {
  const item = document.createElement('li');
  item.dataset.step = step.step;
  const where = step.side ? ` (${step.side} side${step.destination ? ` → ${step.destination}` : ''})` : '';
  item.textContent = `${step.step}${where}: ${step.routeRuleId ?? step.peerConnId}`;
  byId('steps').append(item);
}

byId<HTMLFormElement>('connect').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.currentTarget as HTMLFormElement);
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const cidrs = text('routes')
    .split(/[\s,]+/)
    .filter(Boolean);
  byId('steps').replaceChildren();
  void run('Connecting', async () => {
    const result = await connectVpcs(
      client,
      {
        localVpcId: text('localVpcId'),
        peerVpcId: text('peerVpcId'),
        peerRegion: text('peerRegion'),
        bandwidthInMbps: Number(text('bandwidthInMbps')),
        ...(text('peerAccountId') ? { peerAccountId: text('peerAccountId') } : {}),
        ...(cidrs.length > 0 ? { routes: { local: cidrs } } : {}),
      },
      { onStep: showStep, minDelay: 500, maxDelay: 2_000, maxWaitTime: 120_000 },
    );
    await refresh();
    return `${result.state}: ${result.peerConnId}`;
  });
});

void run('Loading', refresh);
