import { describe, expect, it } from 'vitest'
import { amountPesos, stateTone, validationFields } from '@renderer/lib/validation-fields'

describe('validation answer fields', () => {
  it('lists the state and amount first, skips blanks and keeps unknown fields last', () => {
    const fields = validationFields({
      payment_id: '98765',
      amount: '125000.00',
      state: 'APPROVED',
      franchise: '',
      cycleNumber: 3,
      newField: 'x'
    } as never)
    expect(fields.map((field) => field.name)).toEqual([
      'state',
      'amount',
      'payment_id',
      'cycleNumber',
      'newField'
    ])
    expect(fields.at(-1)).toMatchObject({ known: false, value: 'x' })
    expect(fields[1]).toMatchObject({ kind: 'money', value: '125000.00' })
  })

  it('reads gateway amounts as pesos', () => {
    expect(amountPesos('125000.00')).toBe(125_000)
    expect(amountPesos('50000')).toBe(50_000)
    expect(amountPesos('12,5')).toBeNull()
  })

  it('gives each gateway state a colour family, in Spanish as the gateway answers', () => {
    expect(['APROBADA', 'PENDIENTE', 'RECHAZADA', 'approved', 'OTRO'].map(stateTone)).toEqual([
      'ok',
      'waiting',
      'bad',
      'ok',
      'unknown'
    ])
  })
})
