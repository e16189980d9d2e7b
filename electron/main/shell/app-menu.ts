/**
 * The till's keyboard belongs to the app. Electron installs a default menu when the app sets
 * none (lib/browser/default-menu.ts), and on Windows and Linux its accelerators are live even
 * with the menu bar hidden: Ctrl+R reloads (dropping the sale in progress), Ctrl+W closes the
 * window, Ctrl+Q quits, Ctrl+Plus/Minus/0 zoom, Ctrl+Shift+I opens DevTools. A release build
 * sets no menu at all (`Menu.setApplicationMenu(null)`, docs/api/menu.md: "Passing null will
 * suppress the default menu"), so none of them exist. A developer's run keeps a small menu
 * with reload and DevTools.
 */
import type { Menu as MenuApi, MenuItemConstructorOptions, WebContents } from 'electron'

type MenuModule = Pick<typeof MenuApi, 'setApplicationMenu' | 'buildFromTemplate'>

/** The developer's menu; undefined in a release build (no menu, no accelerators). */
export function appMenuTemplate(opts: {
  developer: boolean
}): MenuItemConstructorOptions[] | undefined {
  if (!opts.developer) return undefined
  return [
    {
      label: 'Desarrollo',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
    }
  ]
}

export function applyAppMenu(Menu: MenuModule, opts: { developer: boolean }): void {
  const template = appMenuTemplate(opts)
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null)
}

/**
 * Ctrl+wheel and pinch zoom are Chromium's, not the menu's: pinch is turned off with
 * setVisualZoomLevelLimits(1, 1), and any zoom that still happens is put back to 100 %.
 */
export function lockZoom(
  contents: Pick<WebContents, 'on' | 'setZoomLevel' | 'setVisualZoomLevelLimits'>
): void {
  void contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined)
  contents.on('zoom-changed', () => contents.setZoomLevel(0))
}
