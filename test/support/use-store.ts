/** The store of a test file, fresh for each test (kept apart: store-world.ts runs outside vitest too). */
import { perTest } from './stand-in'
import { openStore, removeTempDirs, type TestStore } from './store-world'

/** A store opened before each test and closed (its temp dir removed) after it. */
export function useStore(prepare: (store: TestStore) => void = () => undefined): TestStore {
  return perTest(
    () => {
      const store = openStore()
      prepare(store)
      return store
    },
    (store) => {
      store.db.close()
      removeTempDirs()
    }
  )
}
