// The only things a view may ask of the shell (a browser cannot do them): one typed map, validated in main.
import { z } from 'zod';

export const IPC_COMMANDS = {
  /** Opens (or focuses) the AV control window on this machine. */
  'control.open': z.tuple([]),
  /** Leaves or enters full screen on the asking window (chair view's F key). */
  'window.fullscreen': z.tuple([z.boolean()]),
} as const;

export type IpcCommand = keyof typeof IPC_COMMANDS;
export type IpcArgs<C extends IpcCommand> = z.infer<(typeof IPC_COMMANDS)[C]>;

/** What the preload exposes on window.roomcueShell. */
export interface ShellApi {
  openControl(): Promise<void>;
  setFullscreen(on: boolean): Promise<void>;
}

export function parseIpc(
  command: string,
  args: unknown[],
): { ok: true; command: IpcCommand } | { ok: false; message: string } {
  if (!Object.hasOwn(IPC_COMMANDS, command)) return { ok: false, message: `unknown command "${command}"` };
  const parsed = IPC_COMMANDS[command as IpcCommand].safeParse(args);
  return parsed.success
    ? { ok: true, command: command as IpcCommand }
    : { ok: false, message: `${command}: bad arguments` };
}
