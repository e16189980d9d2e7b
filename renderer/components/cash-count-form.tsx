/**
 * The blind count (issue 14): the drawer by denomination (Colombian bills and coins) and one total
 * per other payment method. Nothing expected is shown here: the cashier counts what is there, and
 * only the next step compares it with what the shift expects.
 */
import { DENOMINATIONS } from '@shared/ipc/channels/shifts'
import type { CountTexts, DrawerCount, PieceTexts } from '@renderer/lib/closing-count'
import { OTHER_METHODS } from '@renderer/lib/closing-count'
import { formatCop } from '@shared/domain/money'
import { useLanguage, useT } from '@renderer/i18n/use-t'
import { Field } from './field'
import { Money } from './money'
import { MoneyInput } from './money-input'

interface CashCountFormProps {
  pieces: PieceTexts
  onPieces: (pieces: PieceTexts) => void
  drawer: DrawerCount
  others: CountTexts
  onOthers: (others: CountTexts) => void
  /** Methods whose total is not a peso amount. */
  invalidOthers: ReadonlySet<string>
}

export function CashCountForm(props: CashCountFormProps) {
  const t = useT()
  const { pieces, drawer, others } = props
  const language = useLanguage()
  const peso = (value: number) => formatCop(value, language)
  const groups = [
    { kind: 'bill', title: t('ui.closing.bills') },
    { kind: 'coin', title: t('ui.closing.coins') }
  ] as const
  return (
    <div className="cash-count" data-testid="blind-count">
      <div className="cash-count-groups">
        {groups.map((group) => (
          <fieldset key={group.kind} className="cash-count-group">
            <legend>{group.title}</legend>
            {DENOMINATIONS.filter((d) => d.kind === group.kind).map((d) => {
              const count = drawer.count[d.key] ?? 0
              const label =
                d.kind === 'bill'
                  ? t('ui.closing.billOf', { value: peso(d.value) })
                  : t('ui.closing.coinOf', { value: peso(d.value) })
              return (
                <div key={d.key} className="cash-count-row">
                  <Field
                    label={label}
                    error={drawer.invalid.includes(d.key) ? t('ui.closing.piecesInvalid') : null}
                  >
                    <input
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      className="pieces-input"
                      maxLength={7}
                      value={pieces[d.key] ?? ''}
                      data-testid={`count-${d.key}`}
                      onChange={(event) =>
                        props.onPieces({ ...pieces, [d.key]: event.target.value })
                      }
                    />
                  </Field>
                  <span className="cash-count-subtotal">
                    <Money value={count * d.value} />
                  </span>
                </div>
              )
            })}
          </fieldset>
        ))}
      </div>
      <p className="cash-count-total" data-testid="drawer-total">
        {t('ui.closing.drawerTotal')}: <Money value={drawer.total} />
      </p>
      <fieldset className="cash-count-group">
        <legend>{t('ui.closing.otherMethods')}</legend>
        {OTHER_METHODS.map((method) => (
          <Field
            key={method}
            label={t('ui.closing.otherOf', { method: t(`ui.method.${method}`) })}
            error={props.invalidOthers.has(method) ? t('ui.shift.amountInvalid') : null}
          >
            <MoneyInput
              value={others[method] ?? ''}
              data-testid={`counted-${method}`}
              onText={(text) => props.onOthers({ ...others, [method]: text })}
            />
          </Field>
        ))}
      </fieldset>
    </div>
  )
}
