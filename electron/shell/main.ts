// The Electron shell (thin): one full-screen window on the renderer. Later issues load the views from the local server.
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';

function createSignageWindow(): BrowserWindow {
  const win = new BrowserWindow({
    fullscreen: true,
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  void win.loadFile(join(__dirname, '../dist/index.html'));
  return win;
}

void app.whenReady().then(() => {
  createSignageWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createSignageWindow();
  });
});

app.on('window-all-closed', () => app.quit());
