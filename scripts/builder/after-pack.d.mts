// Types for after-pack.mjs (the electron-builder hook).
export default function afterPack(context: {
  electronPlatformName: string
  arch: number
  appOutDir: string
  packager: {
    config: { electronVersion?: string | null }
    getResourcesDir(appOutDir: string): string
  }
}): Promise<void>
