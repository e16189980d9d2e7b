import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Dataset } from '../../../electron/simulator/server'
import { createServices } from '../../../electron/main/services'
import type { CreateServicesOptions, Services } from '../../../electron/main/services'
import type { IpcResult } from '../../../shared/ipc/result'

export interface TestServices {
  services: Services
  dataDir: string
  close(): Promise<void>
}

/** Services over a fresh temp dir and the embedded simulator on 127.0.0.1:0. */
export async function startTestServices(
  options: Partial<CreateServicesOptions> = {}
): Promise<TestServices> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'caja-app-'))
  const services = await createServices({ env: {}, syncEngine: false, ...options, dataDir })
  return {
    services,
    dataDir,
    async close() {
      await services.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

export function valueOf<T>(result: IpcResult<T> | IpcResult): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value as T
}

export interface UnpaidSample {
  idType: 'NIT'
  identification: string
  displayId: string
  contractId: string
  billNo: string
  amount: number
  reference: string
  barcode: string
}

/** Unpaid bills of NIT customers, small enough for the default caps, one per contract. */
export function unpaidSamples(dataset: Dataset, count: number): UnpaidSample[] {
  const samples: UnpaidSample[] = []
  const usedContracts = new Set<string>()
  for (const bill of dataset.bills) {
    if (bill.paid || bill.amount > 1_000_000 || usedContracts.has(bill.contractId)) continue
    const owner = dataset.customers.find(
      (c) => c.idType === 'NIT' && c.contractIds.includes(bill.contractId)
    )
    if (!owner || owner.contractIds.length > 20) continue
    usedContracts.add(bill.contractId)
    samples.push({
      idType: 'NIT',
      identification: owner.identification,
      displayId: owner.displayId,
      contractId: bill.contractId,
      billNo: bill.billNo,
      amount: bill.amount,
      reference: bill.referencePayment,
      barcode: bill.barcode
    })
    if (samples.length === count) break
  }
  if (samples.length < count) throw new Error('dataset has too few unpaid bills')
  return samples
}
