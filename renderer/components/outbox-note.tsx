/**
 * One engine note in words; the raw text (codes, network errors) only behind a "detalles
 * técnicos" toggle, and only for a supervisor.
 */
import { outboxNote } from '@renderer/lib/outbox-words'
import { useT } from '@renderer/i18n/use-t'
import { useSessionStore } from '@renderer/store/session'

interface OutboxNoteProps {
  raw: string
  /** e.g. "HTTP 503": shown with the raw text. */
  extra?: string | null
  /** Wraps the sentence, e.g. 'ui.outbox.lastError' ("Último error: {message}"). */
  frame?: string
}

export function OutboxNote({ raw, extra, frame }: OutboxNoteProps) {
  const t = useT()
  const supervisor = useSessionStore((state) => state.view?.user?.role === 'supervisor')
  const words = outboxNote(raw)
  const cause = words.params.cause ? t(`ui.outbox.cause.${words.params.cause}`) : ''
  const sentence = t(words.key, { cause })
  return (
    <span className="outbox-note">
      {frame ? t(frame, { message: sentence, reason: sentence }) : sentence}
      {supervisor ? (
        <details className="technical">
          <summary>{t('ui.outbox.technical')}</summary>
          <code>{extra ? `${extra} · ${raw}` : raw}</code>
        </details>
      ) : null}
    </span>
  )
}
