/**
 * What an audit entry says was done. An action the dictionary has no sentence for is called
 * "Otra acción" and its code and facts, which read as code, wait behind the "detalles técnicos"
 * toggle (the audit is a supervisor's screen): never raw on the screen (issue 14).
 */
import { describeAudit, hasAuditWords } from '@renderer/lib/audit-words'
import { useLanguage, useT } from '@renderer/i18n/use-t'

export function AuditWhat({ action, details }: { action: string; details: unknown }) {
  const t = useT()
  const language = useLanguage()
  const text = describeAudit(action, details, language)
  if (hasAuditWords(action, language)) return <>{text}</>
  return (
    <>
      {t('ui.audit.otherAction')}
      <details className="technical">
        <summary>{t('ui.outbox.technical')}</summary>
        <code>{text}</code>
      </details>
    </>
  )
}
