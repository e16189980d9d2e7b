/**
 * Settings as a cashier sees them (issue 14): only a supervisor may change the terminal's
 * settings (`settings:set`), so a cashier gets what concerns the till, read-only, and none of the
 * supervisor-only fields (Tigo's API, the client secret, the caps).
 */
import { Fragment } from 'react'
import type { SettingsView } from '@shared/ipc/views'
import { useT } from '@renderer/i18n/use-t'

export function CashierSettings({ settings }: { settings: SettingsView }) {
  const t = useT()
  const facts: [string, string][] = [
    [t('ui.settings.terminalId'), settings.terminalId],
    [t('ui.settings.businessName'), settings.businessName],
    [t('ui.settings.printerName'), settings.printerName || t('ui.settings.defaultPrinter')],
    [
      t('ui.settings.paperWidth'),
      settings.paperWidth === 58 ? t('ui.settings.paper58') : t('ui.settings.paper80')
    ],
    [
      t('ui.settings.language'),
      settings.language === 'en' ? t('ui.settings.languageEn') : t('ui.settings.languageEs')
    ],
    [t('ui.settings.idleLockMinutes'), String(settings.idleLockMinutes)]
  ]
  return (
    <section className="panel" data-testid="cashier-settings">
      <p className="muted">{t('ui.settings.cashierReadOnly')}</p>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  )
}
