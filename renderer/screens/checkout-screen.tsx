/**
 * Online payment: the gateway gives a URL the customer opens on their phone (shown as a QR); the
 * cashier validates it later by its signature.
 */
import { useState, type FormEvent } from 'react'
import { api } from '@renderer/api'
import { ActionButton } from '@renderer/components/action-button'
import { ErrorMessage } from '@renderer/components/error-message'
import { IdTypeConfirm } from '@renderer/components/id-type-confirm'
import { Field } from '@renderer/components/field'
import { Money } from '@renderer/components/money'
import { QrImage } from '@renderer/components/qr-image'
import { ScreenHeader } from '@renderer/components/screen-header'
import { useSubmission } from '@renderer/hooks/use-submission'
import { useT } from '@renderer/i18n/use-t'
import { useAppStore } from '@renderer/store/app-store'
import { selectionTotal } from '@renderer/store/bill-selection'
import { useCheckoutStore } from '@renderer/store/checkout-store'
import { useCustomerStore } from '@renderer/store/customer-store'

interface Contact {
  email: string
  firstName: string
  lastName: string
  phone: string
}

const EMPTY_CONTACT: Contact = { email: '', firstName: '', lastName: '', phone: '' }

/** Only what was typed travels; blank fields are left out rather than sent empty. */
function clientInformation(contact: Contact): Partial<Contact> | undefined {
  const entries = Object.entries(contact)
    .map(([key, value]) => [key, value.trim()] as const)
    .filter(([, value]) => value !== '')
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

export function CheckoutScreen() {
  const t = useT()
  const { busy, failure, submit: send } = useSubmission()
  const go = useAppStore((state) => state.go)
  const customer = useCustomerStore((state) => state.customer)
  const selection = useCustomerStore((state) => state.selection)
  const checkout = useCheckoutStore((state) => state.checkout)
  const setCheckout = useCheckoutStore((state) => state.setCheckout)
  const [contact, setContact] = useState<Contact>(EMPTY_CONTACT)

  async function create(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!customer || selection.length === 0) return
    const idType = customer.idType
    if (idType === null) return
    await send(async () => {
      const created = await api.invoke('payments:checkout', {
        idType,
        identification: customer.identification,
        bills: selection.map(({ billNo, contractId, amount }) => ({ billNo, contractId, amount })),
        clientInformation: clientInformation(contact)
      })
      setCheckout(created)
    })
  }

  function contactField(name: keyof Contact, type: string) {
    return (
      <Field label={t(`ui.checkout.${name}`)}>
        <input
          type={type}
          autoComplete="off"
          value={contact[name]}
          onChange={(event) => setContact({ ...contact, [name]: event.target.value })}
        />
      </Field>
    )
  }

  return (
    <section className="checkout-screen">
      <ScreenHeader title={t('ui.checkout.title')}>
        {checkout ? (
          <ActionButton variant="primary" shortcut="F8" onClick={() => go('validate')}>
            {t('ui.checkout.validate')}
          </ActionButton>
        ) : null}
      </ScreenHeader>
      {customer ? <IdTypeConfirm key={customer.identification} customer={customer} /> : null}
      <div className="two-columns">
        <form className="panel" onSubmit={(event) => void create(event)} noValidate>
          {customer && selection.length > 0 ? (
            <>
              <p>
                {t('ui.checkout.for', { name: customer.name, count: selection.length })}{' '}
                <Money value={selectionTotal(selection)} className="big" />
              </p>
              <fieldset>
                <legend>{t('ui.checkout.contact')}</legend>
                {contactField('email', 'email')}
                {contactField('firstName', 'text')}
                {contactField('lastName', 'text')}
                {contactField('phone', 'tel')}
              </fieldset>
              <ErrorMessage text={failure} />
              <ActionButton
                type="submit"
                variant="primary"
                shortcut="Enter"
                disabled={busy || customer.idType === null}
                data-autofocus
              >
                {busy ? t('ui.common.loading') : t('ui.checkout.create')}
              </ActionButton>
            </>
          ) : (
            <>
              <p className="empty">{t('ui.checkout.nothingSelected')}</p>
              <ActionButton shortcut="F2" onClick={() => go('search')} data-autofocus>
                {t('ui.nav.search')}
              </ActionButton>
            </>
          )}
        </form>
        {checkout ? (
          <section
            className="panel checkout-result"
            aria-live="polite"
            data-testid="checkout-result"
          >
            <h2>{t('ui.checkout.scan')}</h2>
            <QrImage text={checkout.url} label={t('ui.checkout.qrLabel')} />
            <p className="url mono" data-testid="checkout-url">
              {checkout.url}
            </p>
            <dl className="facts">
              <dt>{t('ui.checkout.signature')}</dt>
              <dd className="mono" data-testid="checkout-signature">
                {checkout.signature}
              </dd>
              {checkout.description ? (
                <>
                  <dt>{t('ui.checkout.description')}</dt>
                  <dd>{checkout.description}</dd>
                </>
              ) : null}
            </dl>
          </section>
        ) : null}
      </div>
    </section>
  )
}
