/**
 * The system's Chromium, which the browser tests drive (Playwright cannot download its own here):
 * CHROMIUM_PATH when set, else Debian's /usr/bin/chromium, else Ubuntu's chromium-browser or snap.
 */
import { existsSync } from 'node:fs'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']

export const CHROMIUM =
  process.env.CHROMIUM_PATH ?? CANDIDATES.find((path) => existsSync(path)) ?? CANDIDATES[0]!
