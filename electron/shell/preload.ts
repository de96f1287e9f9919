// Preload for every window (sandboxed, CommonJS, self-contained): exposes the small typed shell API, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import type { ShellApi } from './ipc-contract.ts';

const api: ShellApi = {
  openControl: () => ipcRenderer.invoke('roomcue', 'control.open'),
  setFullscreen: (on) => ipcRenderer.invoke('roomcue', 'window.fullscreen', on),
};

contextBridge.exposeInMainWorld('roomcueShell', api);
