/**
 * Runs sandboxed: only `electron` may be required here; shared/ipc is bundled in by electron-vite.
 * The page gets typed functions, never `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import { isEventName } from '@shared/ipc/events'
import type { Subscribe } from '@shared/ipc/events'
import { makeApi } from '@shared/ipc/make-api'

const subscribe: Subscribe = (event, cb) => {
  if (!isEventName(event)) return () => {}
  const listener = (_event: IpcRendererEvent, payload: unknown) => cb(payload as never)
  ipcRenderer.on(event, listener)
  return () => {
    ipcRenderer.removeListener(event, listener)
  }
}

contextBridge.exposeInMainWorld(
  'cashier',
  makeApi((channel, input) => ipcRenderer.invoke(channel, input), subscribe)
)
