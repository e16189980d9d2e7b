// Moved to test/support/store-world.ts; kept so tests written before the move still import it.
export * from '../../support/store-world'
