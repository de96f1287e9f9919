// The views' files over HTTP: compressed copies chosen by Accept-Encoding, caching, and nothing outside the folder.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { acceptedEncodings, resolveStatic } from '../../server/static-files.ts';
import { startHarness, type Harness } from './harness.ts';
import { tinyProgram } from '../helpers.ts';

const SOURCE = `export const greeting = ${JSON.stringify('hello '.repeat(400))};\n`;
const HASHED = '/assets/Signage-BiTWkZT2.js';

/** A raw GET (fetch would decompress and hide the headers' effect). */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

let h: Harness;
let views: string;
beforeAll(async () => {
  h = await startHarness(tinyProgram());
  views = join(h.dir, 'views');
  writeFileSync(join(views, HASHED), SOURCE);
  writeFileSync(join(views, `${HASHED}.br`), brotliCompressSync(SOURCE));
  writeFileSync(join(views, `${HASHED}.gz`), gzipSync(SOURCE));
  writeFileSync(join(views, '.env'), 'SECRET=1');
  mkdirSync(join(views, '.git'));
  writeFileSync(join(views, '.git', 'config'), '[core]');
  writeFileSync(join(views, 'assets', '.hidden.js'), 'x');
  symlinkSync(join(h.dir, 'secret.txt'), join(views, 'assets', 'leak.txt'));
  symlinkSync(h.dir, join(views, 'up'));
  symlinkSync(join(views, HASHED), join(views, 'assets', 'inside.js'));
});
afterAll(() => h.close());

describe('compressed assets', () => {
  test('brotli when accepted, with Content-Encoding, Vary and a year of immutable caching', async () => {
    const res = await get(`${h.url}${HASHED}`, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(SOURCE.length / 10);
    expect(brotliDecompressSync(res.body).toString()).toBe(SOURCE);
  });

  test('gzip when brotli is refused or not offered', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip', 'x-gzip']) {
      const res = await get(`${h.url}${HASHED}`, { 'Accept-Encoding': accept });
      expect(res.headers['content-encoding'], accept).toBe('gzip');
      expect(gunzipSync(res.body).toString()).toBe(SOURCE);
    }
  });

  test('the file as it is without Accept-Encoding or with identity only, still marked Vary', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { 'Accept-Encoding': 'identity' },
      { 'Accept-Encoding': 'br;q=0, gzip;q=0' },
    ]) {
      const res = await get(`${h.url}${HASHED}`, headers);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.body.toString()).toBe(SOURCE);
    }
  });

  test('a file with no compressed copy is sent as it is, without Vary; unhashed files are revalidated', async () => {
    const res = await get(`${h.url}/assets/app.js`, { 'Accept-Encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body.toString()).toBe('console.log("app")');
  });

  test('a view page is not cached for long', async () => {
    const res = await get(`${h.url}/signage`, { 'Accept-Encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  test('Accept-Encoding parsing follows q-values and *', () => {
    expect([...acceptedEncodings('br, gzip')]).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('gzip;q=0.5, br;q=0')]).toEqual(['gzip']);
    expect([...acceptedEncodings('*')]).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('*;q=0, gzip')]).toEqual(['gzip']);
    expect([...acceptedEncodings('')]).toEqual([]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});

describe('nothing outside the views folder', () => {
  test.each(['/.env', '/.git/config', '/assets/.hidden.js', '/%2eenv', '/assets/%2Ehidden.js'])(
    'dotfile %s is not served',
    async (path) => {
      const res = await get(`${h.url}${path}`);
      expect(res.status).toBe(404);
      expect(res.body.toString()).not.toMatch(/SECRET|\[core\]/);
    },
  );

  test.each(['/assets/leak.txt', '/up/secret.txt', '/up/program.json'])(
    'a symbolic link out of the folder (%s) is not followed',
    async (path) => {
      const res = await get(`${h.url}${path}`);
      expect(res.status).toBe(404);
      expect(res.body.toString()).not.toContain('TOP SECRET');
    },
  );

  test('a symbolic link that stays inside is served', async () => {
    const res = await get(`${h.url}/assets/inside.js`);
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(SOURCE);
  });

  test('resolveStatic refuses the same paths directly', () => {
    expect(resolveStatic(views, '/.env')).toBeNull();
    expect(resolveStatic(views, '/up/secret.txt')).toBeNull();
    expect(resolveStatic(views, '/../secret.txt')).toBeNull();
    expect(resolveStatic(views, '/assets/app.js')?.encoding).toBeNull();
  });
});
