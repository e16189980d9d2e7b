/**
 * A peso amount as typed: numeric keyboard, no autofill, digits regrouped es-CO while typing
 * ('125000' shows '125.000'); the caller parses the text.
 */
import { forwardRef, type InputHTMLAttributes } from 'react'
import { formatPesosAsTyped } from '@renderer/lib/cash-keys'

type MoneyInputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'inputMode' | 'autoComplete' | 'className' | 'onChange'
> & { onText: (text: string) => void }

export const MoneyInput = forwardRef<HTMLInputElement, MoneyInputProps>(function MoneyInput(
  { onText, ...rest },
  ref
) {
  return (
    <input
      {...rest}
      ref={ref}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      className="money-input"
      onChange={(event) => onText(formatPesosAsTyped(event.target.value))}
    />
  )
})
