/** A peso amount as typed: numeric keyboard, no autofill; the caller parses the text. */
import type { InputHTMLAttributes } from 'react'

type MoneyInputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'inputMode' | 'autoComplete' | 'className' | 'onChange'
> & { onText: (text: string) => void }

export function MoneyInput({ onText, ...rest }: MoneyInputProps) {
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      className="money-input"
      onChange={(event) => onText(event.target.value)}
    />
  )
}
