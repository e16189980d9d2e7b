import { describe, expect, it } from 'vitest'
import { suggestIdType } from '@main/lookups/owners'
import type { ContractsDetails } from '@shared/api/models'

function details(identification: string, organization: Record<string, unknown> = {}) {
  return { identification, organization, contractsCollection: [] } as ContractsDetails
}

describe('suggestIdType', () => {
  it('pre-fills NIT only where the number shows a valid check digit', () => {
    expect(suggestIdType(details('900123456-8'))).toBe('NIT')
    expect(suggestIdType(details('900.123.456-8'))).toBe('NIT')
    expect(suggestIdType(details('900123456', { nit: '900.123.456-8' }))).toBe('NIT')
  })

  it('suggests nothing for a bare number, a wrong check digit or another number’s NIT', () => {
    expect(suggestIdType(details('41261533'))).toBeUndefined()
    expect(suggestIdType(details('900123456-7'))).toBeUndefined()
    expect(suggestIdType(details('900123456', { nit: '900123456-7' }))).toBeUndefined()
    expect(suggestIdType(details('41261533', { nit: '900123456-8' }))).toBeUndefined()
    expect(suggestIdType(details('900123456', { nit: 900123456 }))).toBeUndefined()
  })
})
