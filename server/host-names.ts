// Which names this server answers to (the Host header): loopback, the machine's own addresses and host name, and
// the names given with --allowed-host. Any other name means a page that had its DNS pointed here (rebinding).
import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';

const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1)$/;
const REFRESH_MS = 10_000;

/** "Example.LAN.:4610" → "example.lan"; "[::1]:4610" → "::1"; null when it is not a host[:port]. */
export function hostOf(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^(?:\[([0-9a-f:.]+)\]|([^:[\]\s/]+))(?::(\d{1,5}))?$/i.exec(header.trim());
  if (!m) return null;
  return (m[1] ?? m[2]!).toLowerCase().replace(/\.$/, '');
}

export class HostNames {
  private own = new Set<string>();
  private readAt = -Infinity;
  private readonly extra: Set<string>;

  constructor(
    extra: readonly string[] = [],
    /** The machine's names and addresses; a parameter so that tests can give theirs. */
    private readonly machine: () => string[] = machineNames,
    private readonly now: () => number = Date.now,
  ) {
    this.extra = new Set(extra.map((h) => hostOf(h) ?? h.toLowerCase()));
  }

  allows(header: string | undefined): boolean {
    const host = hostOf(header);
    if (host === null) return false;
    if (LOOPBACK.test(host) || this.extra.has(host)) return true;
    // Addresses change (DHCP, a new network): read them again now and then, not on every request.
    if (this.now() - this.readAt > REFRESH_MS || !this.own.has(host)) this.refresh();
    return this.own.has(host);
  }

  private refresh(): void {
    if (this.now() - this.readAt < 1000) return;
    this.readAt = this.now();
    this.own = new Set(this.machine().map((n) => n.toLowerCase().replace(/\.$/, '')));
  }
}

/** Every address of every interface, the host name and its .local (mDNS) form. */
export function machineNames(): string[] {
  const names: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) names.push(info.address.replace(/%.*$/, ''));
  }
  const name = hostname();
  if (name) names.push(name, name.endsWith('.local') ? name : `${name}.local`);
  return names;
}

/** An Origin, when sent, must be this server (the Host is checked against the allowed names first). */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${req.headers.host ?? ''}`;
}

/** The answer to a request by a name this server does not answer to. */
export function misdirected(host: string | undefined): string {
  const name = JSON.stringify((host ?? '').slice(0, 100));
  return `this server does not answer to the name ${name}: open it by this machine's address or name, or start it with --allowed-host NAME`;
}
