/**
 * Draws the network as SVG: one box per VPC (id, name, CIDR), one line per peer connection, coloured by status,
 * with a dot at each end saying whether that side's route table sends the other VPC's traffic to the connection.
 */

/** A VPC to draw: one of the account's (`cidr`, `name`), or another account's (`external`, with its `region`). */
export interface MapVpc {
  vpcId: string;
  name?: string;
  cidr?: string;
  region?: string;
  external: boolean;
}

/** Whether one end routes to the other: yes, no, or unknown (another account's table). */
export type Routed = 'yes' | 'no' | 'unknown';

/** A peer connection to draw, from `a` (the caller's side) to `b`. */
export interface MapLink {
  peerConnId: string;
  status: string;
  a: string;
  b: string;
  aRouted: Routed;
  bRouted: Routed;
}

/**
 * The line style of a connection: `active-routed` when it is active and no end is known not to route;
 * `active` (active, a route missing), `pending` (on its way), or `failed` (will not carry traffic).
 */
export function linkStyle(link: MapLink): 'active-routed' | 'active' | 'pending' | 'failed' {
  if (link.status === 'active') return link.aRouted === 'no' || link.bRouted === 'no' ? 'active' : 'active-routed';
  if (['consult_failed', 'expired', 'error', 'down', 'deleting'].includes(link.status)) return 'failed';
  return 'pending';
}

const SVG = 'http://www.w3.org/2000/svg';
const BOX = { width: 200, height: 54 };

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Replaces the contents of `svg` with the VPCs laid out on an ellipse and the connections between them. */
export function drawMap(svg: SVGSVGElement, vpcs: readonly MapVpc[], links: readonly MapLink[]): void {
  const width = 760;
  const height = vpcs.length > 2 ? 360 : 160;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.replaceChildren();
  const at = new Map<string, { x: number; y: number }>();
  vpcs.forEach((vpc, i) => {
    const angle = Math.PI + (2 * Math.PI * i) / Math.max(vpcs.length, 1);
    const x = width / 2 + (width / 2 - BOX.width / 2 - 10) * Math.cos(angle);
    const y = height / 2 + (vpcs.length > 2 ? height / 2 - BOX.height / 2 - 10 : 0) * Math.sin(angle);
    at.set(vpc.vpcId, { x, y });
  });

  for (const link of links) {
    const a = at.get(link.a);
    const b = at.get(link.b);
    if (!a || !b) continue;
    const style = linkStyle(link);
    const group = el('g', { class: `link ${style}`, 'data-peer-conn-id': link.peerConnId, 'data-style': style });
    group.append(el('title', {}, `${link.peerConnId}: ${link.status}`));
    group.append(el('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y }));
    const label = el('text', { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 8, 'text-anchor': 'middle' });
    label.textContent = `${link.peerConnId} · ${link.status}`;
    group.append(label);
    // One dot per end, just outside its box: filled when that side routes to the other.
    for (const [end, from, to, routed] of [
      ['a', a, b, link.aRouted],
      ['b', b, a, link.bRouted],
    ] as const) {
      const dx = Math.abs(to.x - from.x);
      const dy = Math.abs(to.y - from.y);
      const exit = Math.min(dx ? BOX.width / 2 / dx : 1, dy ? BOX.height / 2 / dy : 1); // where the line leaves the box
      const t = Math.min(0.45, exit + 12 / Math.hypot(dx, dy));
      const x = from.x + (to.x - from.x) * t;
      const y = from.y + (to.y - from.y) * t;
      const dot = el('circle', { cx: x, cy: y, r: 7, class: `end routed-${routed}`, 'data-end': end });
      dot.append(el('title', {}, routed === 'yes' ? 'routes to the other VPC' : `route: ${routed}`));
      group.append(dot);
      if (routed === 'unknown') group.append(el('text', { x, y: y + 4, 'text-anchor': 'middle', class: 'q' }, '?'));
    }
    svg.append(group);
  }

  for (const vpc of vpcs) {
    const { x, y } = at.get(vpc.vpcId)!;
    const group = el('g', { class: vpc.external ? 'vpc external' : 'vpc', 'data-vpc-id': vpc.vpcId });
    group.append(
      el('rect', { x: x - BOX.width / 2, y: y - BOX.height / 2, width: BOX.width, height: BOX.height, rx: 6 }),
    );
    group.append(el('text', { x, y: y - 6, 'text-anchor': 'middle', class: 'id' }, vpc.vpcId));
    const detail = vpc.external ? `other account · ${vpc.region ?? '?'}` : `${vpc.cidr ?? '?'} · ${vpc.name ?? ''}`;
    group.append(el('text', { x, y: y + 13, 'text-anchor': 'middle', class: 'cidr' }, detail));
    svg.append(group);
  }
}
