/**
 * A day filter typed es-CO (dd/mm/aaaa), for the outbox and the audit: a date input would follow
 * the browser's locale and show mm/dd/yyyy (issue 14). The screen keeps the text and reads it
 * with `parseDayInput`; a day that does not exist is said under the field.
 */
import { useT } from '@renderer/i18n/use-t'
import { parseDayInput } from '@renderer/lib/outbox-rules'
import { Field } from './field'

interface DayFieldProps {
  label: string
  text: string
  onText: (text: string) => void
  testId?: string
  /** The screen's first field takes the focus when it opens. */
  autoFocus?: boolean
}

export function DayField({ label, text, onText, testId, autoFocus }: DayFieldProps) {
  const t = useT()
  return (
    <Field
      label={label}
      error={parseDayInput(text) === undefined ? t('ui.outbox.dayInvalid') : null}
    >
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('ui.outbox.dayPlaceholder')}
        value={text}
        data-testid={testId}
        data-autofocus={autoFocus ? true : undefined}
        onChange={(event) => onText(event.target.value)}
      />
    </Field>
  )
}
