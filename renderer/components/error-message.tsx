/** An error shown where it happened, announced at once. */
export function ErrorMessage({ text }: { text: string | null }) {
  if (!text) return null
  return (
    <p className="error-message" role="alert">
      {text}
    </p>
  )
}
