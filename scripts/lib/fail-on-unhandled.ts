/**
 * A promise rejection that nobody handled is a bug in Caja, not weather: a soak or a harness that
 * meets one says so loudly and exits non-zero, so the test or person running it sees it, instead
 * of the process dying with no verdict (Node's default) or carrying on as if nothing happened.
 */
export const UNHANDLED_EXIT_CODE = 70

export function failOnUnhandledRejection(label: string): void {
  process.on('unhandledRejection', (reason: unknown) => {
    const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)
    process.stderr.write(`[${label}] BUG: unhandled promise rejection: ${detail}\n`)
    process.exit(UNHANDLED_EXIT_CODE)
  })
}
