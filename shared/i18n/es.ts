/** Spanish (es-CO), the app's first language. Keys are grouped by prefix; keep them sorted within a group. */
export const es: Record<string, string> = {
  'error.internal': 'Ocurrió un error inesperado. Intente de nuevo.',
  'error.invalid_input': 'Datos inválidos: {detail}'
}
