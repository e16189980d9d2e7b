/**
 * Hands a text file to the cashier as a download. A Blob URL and an `a[download]` click work
 * under `script-src 'self'` (no inline script, no data: navigation) in Electron and the browser.
 */
export function downloadText(
  fileName: string,
  text: string,
  type = 'text/csv;charset=utf-8'
): void {
  // A BOM so Excel es-CO opens the accents right.
  const blob = new Blob(['\ufeff', text], { type })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The click has handed the blob to the download manager; revoking later frees it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
