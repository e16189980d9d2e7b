/** A store with the seeded customer and the batch service over it, as main wires them. */
import { createBatchService } from '@main/batch/batch-service'
import { openStore, seedCustomer, type TestStore } from '@support/store-world'

export interface BatchWorld {
  store: TestStore
  batch: ReturnType<typeof createBatchService>
}

export function openBatchWorld(): BatchWorld {
  const store = openStore()
  seedCustomer(store)
  const batch = createBatchService({
    db: store.db,
    clock: () => store.now.value,
    outbox: store.outbox,
    cache: store.cache,
    audit: store.audit,
    settings: () => store.caps,
    isOnline: () => store.online.value
  })
  return { store, batch }
}
