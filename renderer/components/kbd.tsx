/**
 * A key the cashier can press, shown next to the action it triggers. Hidden from the accessibility
 * tree: the button carries `aria-keyshortcuts`, so its name stays the action alone ("Confirmar
 * pago", not "Confirmar pago Enter"), which checks outside the project rely on.
 */
export function Kbd({ children }: { children: string }) {
  return (
    <kbd className="kbd" aria-hidden="true">
      {children}
    </kbd>
  )
}
