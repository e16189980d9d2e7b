/** The store of a test file, fresh for each test (apart from fixtures.ts, which runs outside vitest too). */
import { perTest } from '../../support/stand-in'
import { openStore, removeTempDirs, type TestStore } from './fixtures'

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
