// The architecture's boundaries are the linter's: a view (a .ts module or a Svelte component) importing Node or the
// server is an error, as is core/ importing anything outside core/.
import { ESLint } from 'eslint';
import { describe, expect, test, vi } from 'vitest';
import { repoPath } from '../helpers.ts';

const eslint = new ESLint({ cwd: repoPath('.') });
// The first lint loads the TypeScript and Svelte parsers: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

async function restricted(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: repoPath(file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message.split('. ')[1]!);
}

const component = (imports: string) =>
  `<script lang="ts">\n${imports}\n  const used = [a, b];\n</script>\n\n<p>{used.length}</p>\n`;

describe('import boundaries', () => {
  test('a Svelte component may not import Node or the server', async () => {
    const source = component(
      `  import { readFileSync as a } from 'node:fs';\n  import { startShow as b } from '../../../server/start-show.ts';`,
    );
    expect(await restricted('renderer/views/signage/Probe.svelte', source)).toEqual([
      'Views run in a browser: no Node APIs.',
      'Views talk to the server over HTTP/WebSocket only.',
    ]);
  });

  test("a component importing the renderer's own modules is fine", async () => {
    const source = component(`  import { formatClock as a } from '../../lib/format.ts';\n  const b = 1;`);
    expect(await restricted('renderer/views/signage/Probe.svelte', source)).toEqual([]);
  });

  test('core/ may not import Node or the shell', async () => {
    const source = `import { readFile } from 'node:fs/promises';\nimport { planWindows } from '../electron/shell/plan-windows.ts';\nexport const x = [readFile, planWindows];\n`;
    expect(await restricted('core/probe.ts', source)).toEqual([
      'core/ is pure: no Node APIs (files, network, processes).',
      'core/ is pure: no Electron.',
      'core/ depends on nothing outside core/.',
    ]);
  });
});
