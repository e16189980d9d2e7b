/** English. Every key of es.ts should be here too (a unit test checks it). */
export const en: Record<string, string> = {
  'error.internal': 'Something went wrong. Please try again.',
  'error.invalid_input': 'Invalid data: {detail}'
}
