/** Serves the built renderer (`out/renderer`) read-only, never outside its folder. */
import { readFile, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8'
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/**
 * Writes the file for `pathname`, or `index.html` for a path without an extension (the app's
 * own routes). Answers 404 for a missing asset and 503 when the renderer was never built.
 */
export async function serveStatic(
  rootDir: string,
  pathname: string,
  res: ServerResponse,
  headers: Record<string, string>
): Promise<void> {
  const root = resolve(rootDir)
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    res.writeHead(400).end()
    return
  }
  const wanted = resolve(join(root, normalize(decoded)))
  if (wanted !== root && !wanted.startsWith(root + sep)) {
    res.writeHead(404).end()
    return
  }
  let file = wanted
  if (!(await isFile(file))) {
    if (extname(decoded) !== '') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    file = join(root, 'index.html')
    if (!(await isFile(file))) {
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`No renderer build in ${root}: run \`npm run build\` first.`)
      return
    }
  }
  const body = await readFile(file)
  res.writeHead(200, {
    ...headers,
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store'
  })
  res.end(body)
}
