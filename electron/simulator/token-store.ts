/** Issued access tokens and their expiry; tokens are random, the dataset is what stays seeded. */
import { randomBytes } from 'node:crypto'

export interface TokenStore {
  issue(clientId: string): { accessToken: string; issuedAt: number; expiresInSeconds: number }
  isValid(accessToken: string): boolean
  expireAll(): void
  reset(): void
}

export function createTokenStore(lifetimeSeconds: number, clock: () => number): TokenStore {
  let expiries = new Map<string, number>()
  return {
    issue() {
      // Apigee tokens are 28 alphanumeric characters.
      const accessToken = randomBytes(32)
        .toString('base64')
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 28)
      const issuedAt = clock()
      expiries.set(accessToken, issuedAt + lifetimeSeconds * 1000)
      return { accessToken, issuedAt, expiresInSeconds: lifetimeSeconds }
    },
    isValid(accessToken) {
      const expiry = expiries.get(accessToken)
      return expiry !== undefined && clock() < expiry
    },
    expireAll() {
      const now = clock()
      for (const token of expiries.keys()) expiries.set(token, now)
    },
    reset() {
      expiries = new Map()
    }
  }
}
