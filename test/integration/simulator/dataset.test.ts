import { describe, expect, it } from 'vitest'
import { buildDataset } from '@simulator/dataset'
import { isValidGln, parseBillBarcode } from '@shared/domain/bill-barcode'
import { isValidNit } from '@shared/domain/nit'
import { datasetSummary, start, TODAY } from './helpers'

describe('simulator dataset', () => {
  const dataset = buildDataset({ seed: 1, today: TODAY })

  it('is the same for the same seed and date, different for another seed', () => {
    expect(buildDataset({ seed: 1, today: TODAY })).toEqual(dataset)
    expect(buildDataset({ seed: 2, today: TODAY }).customers[0]).not.toEqual(dataset.customers[0])
  })

  it('has companies with valid NITs, persons by CC, and at least 200 contracts', () => {
    const companies = dataset.customers.filter((customer) => customer.idType === 'NIT')
    const persons = dataset.customers.filter((customer) => customer.idType === 'CC')
    expect(dataset.customers.length).toBeGreaterThanOrEqual(50)
    expect(persons.length).toBeGreaterThan(0)
    for (const company of companies) {
      expect(isValidNit(company.displayId), company.displayId).toBe(true)
      expect(company.name).toMatch(/(S\.A\.S\.|Ltda\.|S\.A\.|S\. en C\.)$/)
      expect(company.organization).toMatchObject({
        nit: company.displayId,
        sector: expect.any(String),
        city: expect.any(String)
      })
    }
    expect(new Set(dataset.customers.map((customer) => customer.identification)).size).toBe(
      dataset.customers.length
    )
    expect(dataset.contracts.length).toBeGreaterThanOrEqual(200)
    for (const contract of dataset.contracts) {
      expect(contract.contractId).toMatch(/^9\d{8}$/)
      expect(contract.localAddress.address).toMatch(
        /^[A-Za-z ]+ \d+[A-Z]* # \d+[A-Z]*-\d{2}.*, .+$/
      )
      expect(contract.localAddress.geographicPlace.daneCode).toMatch(/^\d{5}$/)
    }
  })

  it('has twelve months of bills with a paid / unpaid / overdue mix and scannable barcodes', () => {
    const large = dataset.largeCustomer.contractId
    const bills = dataset.bills.filter((bill) => bill.contractId !== large)
    expect(isValidGln(dataset.gln)).toBe(true)
    expect(dataset.gln.startsWith('770')).toBe(true)
    for (const bill of bills) {
      expect(bill.billNo).toBe(`${bill.contractId}-${bill.seq}`)
      expect(bill.referencePayment).toMatch(/^\d{18}$/)
      expect(bill.referencePayment.slice(0, 10)).toBe(bill.contractId.padStart(10, '0'))
      expect(bill.amount).toBeGreaterThanOrEqual(80_000)
      expect(bill.amount).toBeLessThanOrEqual(25_000_000)
      expect(bill.billDate <= TODAY).toBe(true)
      expect(bill.paid).toBe(bill.payments.length > 0)
      const parsed = parseBillBarcode(bill.barcode)
      expect(parsed).toEqual({
        ok: true,
        value: {
          gln: dataset.gln,
          reference: bill.referencePayment,
          amount: bill.amount,
          dueDate: bill.paymentDueDate
        }
      })
    }
    const old = bills.filter((bill) => bill.billDate < '2025-01-01')
    const recent = bills.filter((bill) => bill.billDate >= '2025-05-01')
    const paidShare = (list: typeof bills): number =>
      list.filter((bill) => bill.paid).length / list.length
    expect(paidShare(old)).toBeGreaterThan(paidShare(recent))
    expect(bills.some((bill) => !bill.paid && bill.paymentDueDate < TODAY)).toBe(true)
    expect(bills.some((bill) => !bill.paid && bill.paymentDueDate >= TODAY)).toBe(true)
    expect(dataset.bills.filter((bill) => bill.contractId === large)).toHaveLength(10_000)
  })

  it('has coupons and signatures in every gateway state', () => {
    expect(new Set(dataset.coupons.map((coupon) => coupon.couponId))).toEqual(
      new Set(['CUPON', 'PSE', 'EFECTY', 'BALOTO'])
    )
    const states = new Set(
      [...dataset.coupons, ...dataset.signatures].map((record) => record.validation.state)
    )
    expect(states).toEqual(new Set(['APROBADA', 'PENDIENTE', 'RECHAZADA']))
  })

  it('serves a compact admin summary with every barcode variant', async () => {
    const sim = await start({ seed: 1 })
    try {
      expect(sim.dataset).toEqual(dataset)
      const response = await fetch(`${sim.adminUrl}/__admin/dataset`)
      expect(Number(response.headers.get('content-length'))).toBeLessThan(1_000_000)
      const summary = await datasetSummary(sim)
      const bill = summary.unpaidBills[0]!
      for (const variant of ['human', 'gs', 'symbologyGs', 'fixed']) {
        expect(parseBillBarcode(bill.barcodes[variant]!), variant).toMatchObject({
          ok: true,
          value: { amount: bill.amount, dueDate: bill.paymentDueDate }
        })
      }
      expect(summary.largeCustomer).toMatchObject({
        contractId: dataset.largeCustomer.contractId,
        billCount: 10_000
      })
    } finally {
      await sim.close()
    }
  })
})
