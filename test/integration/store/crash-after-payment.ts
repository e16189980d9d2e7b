/**
 * Child process for the durability test: takes a payment, reports its receipt, then dies by
 * SIGKILL without closing the database or checkpointing the WAL.
 */
import { openStore, paymentInput, seedCustomer } from '@support/store-world'

const file = process.argv[2]
if (!file) throw new Error('usage: crash-after-payment.ts <db file>')
const store = openStore(file)
seedCustomer(store)
const receipt = store.payments.registerPayment(paymentInput())
process.stdout.write(`${JSON.stringify(receipt)}\n`, () => process.kill(process.pid, 'SIGKILL'))
