// The shell's navigation rule, and electron-builder.yml against electron-builder's own schema.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { isOwnOrigin } from '../../electron/shell/navigation.ts';
import { repoPath } from '../helpers.ts';

describe('navigation', () => {
  test.each([
    ['http://127.0.0.1:4610/control', true],
    ['http://127.0.0.1:4611/control', false],
    ['https://example.com/', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s', (url, ok) => expect(isOwnOrigin(url as string, 'http://127.0.0.1:4610')).toBe(ok));
});

describe('electron-builder.yml', () => {
  test("is valid against electron-builder's JSON schema and builds AppImage, deb and NSIS with the program", () => {
    const schema = JSON.parse(readFileSync(repoPath('node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const config = parse(readFileSync(repoPath('electron-builder.yml'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    const valid = ajv.validate(schema, config);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const targets = JSON.stringify([config.linux.target, config.win.target]);
    for (const t of ['AppImage', 'deb', 'nsis', 'x64', 'arm64']) expect(targets).toContain(t);
    expect(JSON.stringify(config.extraResources)).toContain('dp2e-ai-2026.json');
  });
});
