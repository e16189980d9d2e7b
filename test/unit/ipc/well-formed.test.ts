import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createDispatcher } from '@main/ipc'
import type { SomeHandlers } from '@main/ipc'
import { CHANNEL_NAMES, contract } from '@shared/ipc/contract'
import { isWellFormedText, malformedTextPath } from '@shared/ipc/well-formed'

const LONE_HIGH = '\ud800'
const LONE_LOW = '\udc00'

interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
}

/** Paths (`bills.0.billNo`) of every string field a channel's input schema declares. */
function stringPaths(schema: JsonSchema, path: string[] = []): string[][] {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type]
  const found: string[][] = []
  if (types.includes('string')) found.push(path)
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    found.push(...stringPaths(child, [...path, key]))
  }
  if (schema.items) found.push(...stringPaths(schema.items, [...path, '0']))
  for (const option of schema.anyOf ?? []) found.push(...stringPaths(option, path))
  return found
}

/** An input holding `value` at `path` (arrays where the path says an index). */
function inputAt(path: string[], value: unknown): unknown {
  if (path.length === 0) return value
  const [head = '', ...rest] = path
  const inner = inputAt(rest, value)
  return /^\d+$/.test(head) ? [inner] : { [head]: inner }
}

describe('well-formed text', () => {
  it('tells lone surrogates from pairs', () => {
    expect(isWellFormedText('Bogotá 😀')).toBe(true)
    expect(isWellFormedText(LONE_HIGH)).toBe(false)
    expect(isWellFormedText(`a${LONE_LOW}`)).toBe(false)
    expect(isWellFormedText(`${LONE_HIGH}x`)).toBe(false)
    expect(isWellFormedText('\ud83d\ude00')).toBe(true)
  })

  it('finds the path of the first malformed string or key', () => {
    expect(malformedTextPath({ a: 'ok', b: [{ c: 'ok' }, { c: LONE_HIGH }] })).toBe('b.1.c')
    expect(malformedTextPath({ [LONE_LOW]: 1 })).toBe('(key)')
    expect(malformedTextPath(LONE_HIGH)).toBe('(input)')
    expect(malformedTextPath({ a: 1, b: null, c: ['x'] })).toBeUndefined()
  })

  it('answers invalid_input for a lone surrogate in every string field of every channel', async () => {
    const called: string[] = []
    const handlers = Object.fromEntries(
      CHANNEL_NAMES.map((name) => [name, () => void called.push(name)])
    ) as SomeHandlers
    const errors: unknown[] = []
    const dispatch = createDispatcher(handlers, {
      authorize: () => true,
      log: { error: (message, details) => errors.push({ message, details }) }
    })
    let checked = 0
    for (const name of CHANNEL_NAMES) {
      const schema = z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' })
      for (const path of stringPaths(schema as JsonSchema)) {
        if (path.length === 0) continue
        const result = await dispatch(name, inputAt(path, LONE_HIGH))
        expect(result, `${name} ${path.join('.')}`).toMatchObject({
          ok: false,
          error: { code: 'invalid_input', params: { channel: name } }
        })
        if (!result.ok) expect(result.error.params?.detail).toContain(path.join('.'))
        checked++
      }
    }
    // The channels the bad-input sweep caught are among them.
    expect(checked).toBeGreaterThan(30)
    expect(called).toEqual([])
    expect(errors).toEqual([])
  })

  it('refuses the sweep’s three cases even when the rest of the input is valid', async () => {
    const called: string[] = []
    const dispatch = createDispatcher(
      {
        'bills:payments': () => (
          called.push('bills:payments'),
          { source: 'live', fetchedAt: '', payments: [] }
        ),
        'payments:validateSignature': () => (called.push('sig'), {}),
        'payments:validateCoupon': () => (called.push('coupon'), {})
      } as SomeHandlers,
      { authorize: () => true, log: { error: () => undefined } }
    )
    const cases: Array<[string, unknown]> = [
      ['bills:payments', { contractId: '123', billNo: LONE_HIGH }],
      ['payments:validateSignature', { signature: `abc${LONE_HIGH}` }],
      ['payments:validateCoupon', { couponType: 'CUPON', couponNumber: LONE_LOW }]
    ]
    for (const [channel, input] of cases) {
      expect(await dispatch(channel, input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' }
      })
    }
    expect(called).toEqual([])
  })
})
