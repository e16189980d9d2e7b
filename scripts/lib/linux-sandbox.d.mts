// Types for linux-sandbox.mjs.
export interface SandboxState {
  blocked: boolean
  sandboxHelper: string
}
export function linuxSandboxState(opts: {
  platform?: string
  electronPath: string
  readText?: (path: string) => string
  stat?: (path: string) => { uid: number; mode: number }
  listDir?: (path: string) => string[]
}): SandboxState
export function sandboxAdvice(state: SandboxState, electronPath: string): string
