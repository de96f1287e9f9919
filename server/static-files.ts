// Serves the built views from one folder and nothing outside it, whatever the URL encodes: no dotfile, no file whose
// real path (after symbolic links) leaves the folder. A file the build also wrote compressed (`x.js.br`, `x.js.gz`,
// see vite.config.ts) is sent compressed to a client that accepts it.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** The compressed copies the build writes, best first, with the file suffix each lives under. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
export type ContentEncoding = (typeof ENCODINGS)[number]['name'];

export interface StaticFile {
  /** The file to send: the compressed copy when `encoding` is set. */
  path: string;
  size: number;
  /** The type of the original file. */
  type: string;
  encoding: ContentEncoding | null;
  /** Whether compressed copies exist, so that caches must key on Accept-Encoding. */
  varies: boolean;
}

/** The real folder of each root served, resolved once (the views folder does not move while serving). */
const realRoots = new Map<string, string | null>();
function realRoot(root: string): string | null {
  let real = realRoots.get(root);
  if (real === undefined) {
    try {
      real = realpathSync(root);
    } catch {
      return null; // not built yet: looked up again next time
    }
    realRoots.set(root, real);
  }
  return real;
}

/** The regular file at `full` if its real path stays inside `base`, else null. */
function fileInside(base: string, full: string): { path: string; size: number } | null {
  try {
    const real = realpathSync(full);
    if (!real.startsWith(base + sep)) return null;
    const stat = statSync(real);
    return stat.isFile() ? { path: real, size: stat.size } : null;
  } catch {
    return null;
  }
}

/**
 * The codings a request's Accept-Encoding allows ("br;q=0" refuses br; "*" allows the rest). Without the header a
 * client gets the file as it is.
 */
export function acceptedEncodings(header: string | undefined): Set<ContentEncoding> {
  const accepted = new Set<ContentEncoding>();
  if (!header) return accepted;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name, qParam === undefined ? 1 : Number(qParam));
  }
  for (const { name } of ENCODINGS) {
    const value = q.get(name) ?? (name === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
    if (value > 0) accepted.add(name);
  }
  return accepted;
}

/**
 * The file under `root` that a URL path names, or null: missing, a directory, a dotfile or dot-folder, or a path
 * whose real location is outside `root`. With `acceptEncoding`, the best compressed copy the client accepts.
 */
export function resolveStatic(root: string, urlPath: string, acceptEncoding?: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // ".env", "/.git/config", "/assets/.secret": never served, even if the folder holds one.
  if (decoded.split('/').some((segment) => segment.startsWith('.'))) return null;
  const base = realRoot(resolve(root));
  if (base === null) return null;
  const full = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (!full.startsWith(base + sep)) return null;
  const original = fileInside(base, full);
  if (!original) return null;
  const type = TYPES[extname(original.path).toLowerCase()] ?? 'application/octet-stream';
  const accepted = acceptedEncodings(acceptEncoding);
  let varies = false;
  for (const { name, suffix } of ENCODINGS) {
    const copy = fileInside(base, full + suffix);
    if (!copy) continue;
    varies = true;
    if (accepted.has(name)) return { path: copy.path, size: copy.size, type, encoding: name, varies };
  }
  return { path: original.path, size: original.size, type, encoding: null, varies };
}

/** Hashed build outputs ("assets/Signage-BiTWkZT2.js") never change under their name. */
const HASHED = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/** The response headers of a static file served at `urlPath`. */
export function staticHeaders(file: StaticFile, urlPath: string): Record<string, string | number> {
  return {
    'Content-Type': file.type,
    'Content-Length': file.size,
    'Cache-Control': HASHED.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(file.encoding ? { 'Content-Encoding': file.encoding } : {}),
    ...(file.varies ? { Vary: 'Accept-Encoding' } : {}),
  };
}

export function streamFile(file: StaticFile) {
  return createReadStream(file.path);
}
