/**
 * Settings screen. The client secret is write-only: `settings:set` stores it in the secret
 * store, `settings:get` says only whether there is one. The API may not move while payments wait
 * to be sent (tigo/api-identity.ts).
 */
import type { SettingsView } from '@shared/ipc/views'
import type { ChannelHandlers } from '@main/ipc'
import type { settingsChannels } from '@shared/ipc/channels/settings'
import { applySettingsPatch } from './settings-store'
import { checkApiChangeAllowed } from '@main/tigo/api-identity'
import type { AppContext } from '@main/app/context'

export function settingsView(ctx: AppContext): SettingsView {
  const stored = ctx.settings.get()
  let effective = {
    apiBaseUrl: stored.apiBaseUrl,
    tokenUrl: stored.tokenUrl,
    clientId: stored.clientId,
    usesSimulator: stored.apiBaseUrl === '',
    envSecret: false
  }
  try {
    const resolved = ctx.api.resolve()
    effective = {
      apiBaseUrl: resolved.settings.baseUrl,
      tokenUrl: resolved.settings.tokenUrl,
      clientId: resolved.settings.clientId,
      usesSimulator: resolved.usesSimulator,
      envSecret: resolved.clientSecret !== undefined
    }
  } catch {
    // An invalid URL in the environment: show what is stored so the screen still opens.
  }
  return {
    apiBaseUrl: effective.apiBaseUrl,
    tokenUrl: effective.tokenUrl,
    clientId: effective.clientId,
    hasClientSecret: effective.envSecret || !!ctx.secrets.getClientSecret(),
    secretProtection: ctx.secrets.protection(),
    usesSimulator: effective.usesSimulator,
    terminalId: stored.terminalId,
    printerName: stored.printerName,
    paperWidth: stored.paperWidth,
    caps: { ...stored.caps },
    language: stored.language,
    idleLockMinutes: stored.idleLockMinutes,
    businessName: stored.businessName,
    businessNit: stored.businessNit,
    businessAddress: stored.businessAddress
  }
}

export function settingsHandlers(ctx: AppContext): ChannelHandlers<typeof settingsChannels> {
  return {
    'settings:get': () => settingsView(ctx),

    'settings:set': (input) => {
      const { clientSecret, ...patch } = input
      const current = ctx.settings.get()
      checkApiChangeAllowed(current, applySettingsPatch(current, patch), ctx.outbox, ctx.clock)
      // Validate and save the plain fields first: a refused patch must not change the secret.
      ctx.settings.update(patch)
      if (clientSecret !== undefined) {
        ctx.secrets.setClientSecret(clientSecret === '' ? null : clientSecret)
      }
      const fields = Object.keys(input).sort()
      ctx.audit.record(ctx.cashier().id, 'settings.changed', { fields })
      ctx.events.emit('sync:status', ctx.syncStatus())
      return settingsView(ctx)
    }
  }
}
