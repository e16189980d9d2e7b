/**
 * A text field for codes and numbers (signatures, coupons, receipt numbers, NIT): the browser
 * neither completes nor spell-checks them, and the text comes back as a string. Props beyond
 * these (id and aria from `Field`, test ids, autofocus) go to the input.
 */
import type { InputHTMLAttributes } from 'react'

interface CodeInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'value' | 'onChange'
> {
  value: string
  onText: (text: string) => void
}

export function CodeInput({ value, onText, ...rest }: CodeInputProps) {
  return (
    <input
      type="text"
      autoComplete="off"
      spellCheck={false}
      value={value}
      onChange={(event) => onText(event.target.value)}
      {...rest}
    />
  )
}
