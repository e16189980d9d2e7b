import { describe, expect, it } from 'vitest'
import { connectCashier } from '@shared/ipc/connect'
import { makeApi } from '@shared/ipc/make-api'
import { IpcError } from '@shared/ipc/result'

describe('connectCashier', () => {
  it('re-wraps the bridged API so errors keep their code and params on the page side', async () => {
    // What the preload exposes; across a real contextBridge a thrown error would keep only its message.
    const bridged = makeApi(
      () =>
        Promise.resolve({
          ok: false,
          error: { code: 'bill_already_paid', message: 'pagada', params: { billNo: 'F-1' } }
        }),
      () => () => {}
    )
    const api = connectCashier({ cashier: bridged, location: { search: '', origin: 'file://' } })
    expect(api).not.toBe(bridged)
    const error = await api.payments.get({ paymentId: 'p' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IpcError)
    expect(error).toMatchObject({ code: 'bill_already_paid', params: { billNo: 'F-1' } })
  })
})
