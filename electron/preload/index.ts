import { contextBridge } from 'electron'

contextBridge.exposeInMainWorld('cashier', {})
