import type { ReactNode } from 'react'

/** A screen's title (focus target when the screen opens) and its top-right actions. */
export function ScreenHeader({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="screen-header">
      <h1 tabIndex={-1}>{title}</h1>
      {children ? <div className="screen-actions">{children}</div> : null}
    </div>
  )
}
