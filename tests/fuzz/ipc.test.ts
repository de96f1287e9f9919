// Property test of the shell's IPC contract: any command name and arguments give a command or a refusal, never a throw.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { IPC_COMMANDS, parseIpc } from '../../electron/shell/ipc-contract.ts';
import { BUILTIN_NAMES, runs } from './arbitraries.ts';

test('any command, built-in names included, is a known command or refused by name', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.constantFrom(...Object.keys(IPC_COMMANDS)), fc.constantFrom(...BUILTIN_NAMES), fc.string()),
      fc.array(fc.anything({ withNullPrototype: true }), { maxLength: 3 }),
      (command, args) => {
        const result = parseIpc(command, args);
        if (result.ok) expect(Object.keys(IPC_COMMANDS)).toContain(result.command);
        else expect(result.message).toContain(command);
      },
    ),
    { numRuns: runs(500) },
  );
});
