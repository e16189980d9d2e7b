/**
 * A service of the project (the simulator, the harness) run as a child process through tsx, as
 * `npm run simulator` / `npm run harness` would: the script waits for the line that announces it
 * and stops exactly that process when done.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

/** The repository: entries are named from it, and the harness serves `out/renderer` under it. */
const ROOT = path.resolve(__dirname, '..', '..')

export interface ChildService {
  /** The first capture group of the announcing line (a URL). */
  announced: string
  stop(): Promise<void>
}

const START_TIMEOUT_MS = 120_000

/** `entry`: a TypeScript file named from the repository's root. */
export function startChildService(
  entry: string,
  announce: RegExp,
  env: Record<string, string>
): Promise<ChildService> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000)
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }
  return new Promise((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`${entry} did not start in time: ${stderr}`))
    }, START_TIMEOUT_MS)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${entry} exited with ${code}: ${stderr}`))
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = announce.exec(stdout)
      if (!match?.[1]) return
      clearTimeout(timer)
      resolve({ announced: match[1], stop })
    })
  })
}
