/** The Apigee OAuth client_credentials endpoint (reference §1): every value a string. */
import { timingSafeEqual } from 'node:crypto'
import type { SimContext } from '@simulator/context'
import { json, type Reply, type RouteRequest } from '@simulator/http-util'

export const TOKEN_PATH = '/oauth/client_credential/accesstoken'

const INVALID_CLIENT = { ErrorCode: 'invalid_client', Error: 'Client credentials are invalid' }

export function issueToken(req: RouteRequest, ctx: SimContext): Reply {
  const grantType = req.query.get('grant_type') ?? new URLSearchParams(req.body).get('grant_type')
  if (grantType !== 'client_credentials') {
    return json(
      { ErrorCode: 'invalid_request', Error: `Unsupported grant type : ${grantType ?? 'null'}` },
      400
    )
  }
  const client = basicCredentials(req.headers.authorization)
  if (
    !client ||
    !sameText(client.id, ctx.credentials.clientId) ||
    !sameText(client.secret, ctx.credentials.clientSecret)
  ) {
    return json(INVALID_CLIENT, 401)
  }
  const { accessToken, issuedAt, expiresInSeconds } = ctx.tokens.issue(client.id)
  return json({
    refresh_token_expires_in: '0',
    api_product_list: '[tigo-b2b-co-billing]',
    organization_name: 'tigo-colombia',
    'developer.email': 'integraciones@caja.example',
    token_type: 'BearerToken',
    issued_at: String(issuedAt),
    client_id: client.id,
    access_token: accessToken,
    application_name: 'caja-desktop',
    scope: 'read',
    expires_in: String(expiresInSeconds),
    refresh_count: '0',
    status: 'approved'
  })
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '')
  if (!match?.[1]) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) }
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The bearer token of an API call, if the header has the expected shape. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1]
}
