/**
 * BENCHMARKS.md holds one section per benchmark script, each between its own markers, so a
 * script rewrites its section and leaves the others' results alone.
 */
import fs from 'node:fs'

function markers(id: string): { start: string; end: string } {
  return { start: `<!-- ${id}:start -->`, end: `<!-- ${id}:end -->` }
}

/** `section` with its markers, for a new file or text of its own. */
export function markedSection(id: string, section: readonly string[]): string {
  const { start, end } = markers(id)
  return [start, ...section, end].join('\n')
}

/** Replaces the section `id` of `text` (appends it when absent). */
export function withSection(text: string, id: string, section: readonly string[]): string {
  const { start, end } = markers(id)
  const block = markedSection(id, section)
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from >= 0 && to > from) return text.slice(0, from) + block + text.slice(to + end.length)
  const trimmed = text.trimEnd()
  return `${trimmed}${trimmed ? '\n\n' : ''}${block}\n`
}

export function writeSection(file: string, id: string, section: readonly string[]): void {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
  fs.writeFileSync(file, withSection(text, id, section))
}
