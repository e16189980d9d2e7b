import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { syncSettingsFrom } from '@main/sync/till-sync'
import { createSyncEngine } from '@main/sync/engine'
import { SIMULATOR_CREDENTIALS } from '@main/tigo/settings'
import { translateError } from '@shared/i18n'
import type { PaymentReceipt, SettingsView } from '@shared/ipc/views'
import { cacheLookups, openShift, registration, signIn, useAppTest, valueOf } from './fixtures'

// No engine in the services: the payment stays queued until this file sends it itself.
const app = useAppTest(2)
let waiting: PaymentReceipt

beforeAll(async () => {
  const dispatch = app.services.dispatch
  await signIn(dispatch, 'supervisor')
  await openShift(dispatch)
  const sample = app.samples[0]!
  await cacheLookups(dispatch, sample)
  waiting = valueOf<PaymentReceipt>(await dispatch('payments:register', registration(sample)))
})

/** The `api` recorded in the audit line of this payment. */
function auditedApi(paymentId: string): unknown {
  const entry = app.services.audit
    .list({ action: 'payment.registered' })
    .find((e) => (e.details as { paymentId?: unknown }).paymentId === paymentId)
  return (entry?.details as { api?: unknown } | undefined)?.api
}

const settingsFile = () => readFileSync(join(app.dataDir, 'settings.json'), 'utf8')

describe('changing the API while a payment waits to be sent', () => {
  it('is refused for the API URL, the token URL and the client id, changing nothing', async () => {
    const dispatch = app.services.dispatch
    expect(app.services.outbox.summary(Date.now()).waiting.count).toBe(1)
    // The file exists once anything was saved; save something harmless first.
    valueOf(await dispatch('settings:set', { printerName: 'EPSON TM-T20' }))
    const before = valueOf<SettingsView>(await dispatch('settings:get', {}))
    const fileBefore = settingsFile()

    for (const patch of [
      { apiBaseUrl: app.sim.baseUrl },
      { tokenUrl: app.sim.tokenUrl },
      { clientId: SIMULATOR_CREDENTIALS.clientId },
      // Nothing of a refused patch is kept, not even its harmless fields or the secret.
      { clientId: 'otro-cliente', terminalId: 'CAJA-09', clientSecret: 'new-secret-value-99' }
    ]) {
      expect(await dispatch('settings:set', patch)).toEqual({
        ok: false,
        error: {
          code: 'settings_api_change_pending',
          message: expect.any(String),
          params: { count: 1 }
        }
      })
    }
    // The supervisor reads why, and what to do first.
    expect(translateError('es', 'settings_api_change_pending', { count: 1 })).toContain(
      'haya 1 factura por enviar'
    )
    expect(translateError('en', 'settings_api_change_pending', { count: 1 })).toContain(
      'Let them finish sending'
    )
    expect(valueOf<SettingsView>(await dispatch('settings:get', {}))).toEqual(before)
    expect(settingsFile()).toBe(fileBefore)
    expect(app.services.secrets.getClientSecret()).toBeNull()
    expect(app.services.audit.list({ action: 'settings.changed' })).toHaveLength(1)
  })

  it('still allows rotating the client secret alone, and saving the same API unchanged', async () => {
    const dispatch = app.services.dispatch
    const view = valueOf<SettingsView>(
      await dispatch('settings:set', { clientSecret: 'rotated-secret-value-1' })
    )
    expect(view.hasClientSecret).toBe(true)
    // '' is the API already configured (the embedded simulator): not a change.
    expect(valueOf<SettingsView>(await dispatch('settings:set', { apiBaseUrl: '' }))).toMatchObject(
      { usesSimulator: true }
    )
  })

  it('records the API in the audit line of each payment', () => {
    expect(auditedApi(waiting.id)).toEqual({ simulator: true })
  })

  it('is allowed once the outbox has sent everything, and later payments name the new API', async () => {
    const { services, sim } = app
    // The engine the app runs, over the same outbox and client, sends the payment to Tigo.
    const engine = createSyncEngine({
      outbox: services.outbox,
      client: services.api.client,
      cache: services.cache,
      audit: services.audit,
      clock: Date.now,
      settings: () => syncSettingsFrom(services.settings)
    })
    try {
      await engine.requestDrain('manual')
    } finally {
      await engine.stop()
    }
    expect(services.outbox.summary(Date.now()).waiting.count).toBe(0)
    expect(services.payments.getPayment(waiting.id)?.bills[0]?.state).toBe('registered')

    // The simulator again, but configured as an API of its own (no traffic leaves 127.0.0.1).
    const view = valueOf<SettingsView>(
      await services.dispatch('settings:set', {
        apiBaseUrl: sim.baseUrl,
        tokenUrl: sim.tokenUrl,
        clientId: SIMULATOR_CREDENTIALS.clientId,
        clientSecret: SIMULATOR_CREDENTIALS.clientSecret
      })
    )
    expect(view).toMatchObject({ usesSimulator: false, apiBaseUrl: sim.baseUrl })

    const sample = app.samples[1]!
    await cacheLookups(services.dispatch, sample)
    const next = valueOf<PaymentReceipt>(
      await services.dispatch('payments:register', registration(sample))
    )
    expect(auditedApi(next.id)).toEqual({
      simulator: false,
      baseUrl: sim.baseUrl,
      tokenUrl: sim.tokenUrl,
      clientId: SIMULATOR_CREDENTIALS.clientId
    })
    expect(JSON.stringify(services.audit.list())).not.toContain(SIMULATOR_CREDENTIALS.clientSecret)
    // Waiting again (queued, then sending, then uncertain): the API is locked again.
    const refused = {
      ok: false,
      error: { code: 'settings_api_change_pending', params: { count: 1 } }
    }
    expect(await services.dispatch('settings:set', { apiBaseUrl: '' })).toMatchObject(refused)
    const [claimed] = services.outbox.claimDue(Date.now(), 1)
    expect(claimed?.state).toBe('sending')
    expect(await services.dispatch('settings:set', { apiBaseUrl: '' })).toMatchObject(refused)
    services.outbox.markUncertain([claimed!.id], 'timeout')
    expect(await services.dispatch('settings:set', { apiBaseUrl: '' })).toMatchObject(refused)
  })
})
