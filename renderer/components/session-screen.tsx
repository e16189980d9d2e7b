/**
 * A whole screen about the session itself (signing in, a PIN to change): one card in the middle,
 * its title the heading the focus goes to when the screen opens.
 */
import { useId, type ReactNode } from 'react'
import '@renderer/styles/session.css'

export function SessionScreen(props: { title: string; hint: string; children: ReactNode }) {
  const id = useId()
  return (
    <main className="session-screen" aria-labelledby={id}>
      <div className="session-card">
        <h1 id={id} tabIndex={-1}>
          {props.title}
        </h1>
        <p className="muted">{props.hint}</p>
        {props.children}
      </div>
    </main>
  )
}
