import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Dataset } from '../../../electron/simulator/server'
import { createServices } from '../../../electron/main/services'
import type { CreateServicesOptions, Services } from '../../../electron/main/services'
import type { Dispatch } from '../../../electron/main/ipc'
import type { PinHashParams } from '../../../electron/main/users/pin'
import { DEMO_CASHIER, FIRST_SUPERVISOR } from '../../../electron/main/users/seed'
import type { SessionView } from '../../../shared/ipc/channels/session'
import type { IpcResult } from '../../../shared/ipc/result'

/** Cheaper scrypt than the app's, so a file with several sign-ins stays fast. */
export const FAST_HASH: PinHashParams = { ln: 10, r: 8, p: 1 }

/** The PIN the tests give the seeded supervisor at its first sign-in. */
export const SUPERVISOR_PIN = '2580'

export interface TestServices {
  services: Services
  dataDir: string
  close(): Promise<void>
}

/**
 * Services over a fresh temp dir and the embedded simulator on 127.0.0.1:0, with the demo users,
 * cheap PIN hashes and receipts as PDF files. Nobody is signed in: see `signIn`.
 */
export async function startTestServices(
  options: Partial<CreateServicesOptions> = {}
): Promise<TestServices> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'caja-app-'))
  const services = await createServices({
    env: {},
    syncEngine: false,
    demoUsers: true,
    pinHash: FAST_HASH,
    printer: { mode: 'pdf-file' },
    ...options,
    dataDir
  })
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

export type TestRole = 'cashier' | 'supervisor'

/**
 * Signs in as the demo cashier, or as the seeded supervisor (choosing `SUPERVISOR_PIN` the first
 * time, as the till asks). Replaces whoever was signed in.
 */
export async function signIn(dispatch: Dispatch, as: TestRole): Promise<SessionView> {
  if (as === 'cashier') {
    return valueOf<SessionView>(
      await dispatch('session:signIn', { name: DEMO_CASHIER.name, pin: DEMO_CASHIER.pin })
    )
  }
  const first = await dispatch('session:signIn', {
    name: FIRST_SUPERVISOR.name,
    pin: FIRST_SUPERVISOR.pin
  })
  if (first.ok && (first.value as SessionView).mustChangePin) {
    return valueOf<SessionView>(
      await dispatch('session:changePin', {
        currentPin: FIRST_SUPERVISOR.pin,
        newPin: SUPERVISOR_PIN
      })
    )
  }
  return valueOf<SessionView>(
    await dispatch('session:signIn', { name: FIRST_SUPERVISOR.name, pin: SUPERVISOR_PIN })
  )
}
