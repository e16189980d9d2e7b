import { app } from 'electron'

void app.whenReady().then(() => {
  // wired in the shell issue
})
