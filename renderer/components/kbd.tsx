/** A key the cashier can press, shown next to the action it triggers. */
export function Kbd({ children }: { children: string }) {
  return <kbd className="kbd">{children}</kbd>
}
