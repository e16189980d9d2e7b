/**
 * The simulator's deterministic world: the same (seed, today) always gives the same customers,
 * contracts, bills, coupons and signatures, so a failing test can be replayed exactly.
 */
import { nitCheckDigit } from '@shared/domain/nit'
import { gs1CheckDigit } from '@shared/domain/bill-barcode'
import { bogotaDate, isIsoDate } from './dates'
import { buildBills, buildGatewayRecords, buildLargeContractBills } from './dataset-bills'
import type { Dataset, SimAddress, SimBill, SimContract, SimCustomer } from './dataset-types'
import {
  ADDRESS_SUFFIXES,
  BILLING_SYSTEMS,
  COMPANY_NAMES,
  COMPANY_STEMS,
  DELIVERY_METHODS,
  FIRST_NAMES,
  LAST_NAMES,
  LEGAL_FORMS,
  PARTY_ROLES,
  PLACES,
  STREET_TYPES,
  type Place
} from './dataset-words'
import { createRandom, type Random } from './prng'

export type * from './dataset-types'

export interface DatasetOptions {
  seed?: number
  /** ISO date; default: today in Bogotá. */
  today?: string
}

const COMPANY_COUNT = 56
const PERSON_COUNT = 14
const MIN_CONTRACTS = 220
const NIT_PREFIXES = ['900', '901', '800', '811', '830', '860', '890'] as const
const CC_PREFIXES = ['43', '71', '79', '52', '1017', '1036', '1152'] as const
/** GS1 Colombia company prefix 770 + an invented company/location number. */
const GLN_BASE = '770999800001'

export function buildDataset(options: DatasetOptions = {}): Dataset {
  const seed = options.seed ?? 1
  const today = options.today ?? bogotaDate(Date.now())
  if (!isIsoDate(today)) throw new Error(`today must be an ISO date, got ${today}`)
  const random = createRandom(seed)
  const ids = new Set<string>()
  const customers: MutableCustomer[] = []
  for (let i = 0; i < COMPANY_COUNT; i++) customers.push(company(random, ids, customers))
  for (let i = 0; i < PERSON_COUNT; i++) customers.push(person(random, ids))

  const contracts: SimContract[] = []
  const contractIds = new Set<string>()
  for (const customer of customers) {
    const count = customer.kind === 'company' ? random.int(2, 6) : random.int(1, 2)
    for (let i = 0; i < count; i++) contracts.push(contract(random, contractIds, customer))
  }
  while (contracts.length < MIN_CONTRACTS) {
    const owner = random.pick(customers.slice(0, COMPANY_COUNT))
    contracts.push(contract(random, contractIds, owner))
  }

  const bills: SimBill[] = []
  for (const item of contracts) bills.push(...buildBills(random, item, today, GLN))

  // Gateway records point at ordinary bills, not at the 10,000-bill contract.
  const { coupons, signatures } = buildGatewayRecords(random, customers, contracts, bills, today)

  const large = company(random, ids, customers)
  large.name = 'Cadena Comercial Nacional S.A.'
  large.organization = { ...large.organization, name: large.name, tradeName: 'Cadena Nacional' }
  const largeContract = contract(random, contractIds, large)
  largeContract.party.plusCustomer = true
  contracts.push(largeContract)
  customers.push(large)
  const largeBills = buildLargeContractBills(random, largeContract, today, GLN)
  bills.push(...largeBills)
  return {
    seed,
    today,
    gln: GLN,
    customers,
    contracts,
    bills,
    coupons,
    signatures,
    largeCustomer: {
      idType: large.idType,
      identification: large.identification,
      contractId: largeContract.contractId,
      billCount: largeBills.length
    }
  }
}

const GLN = `${GLN_BASE}${gs1CheckDigit(GLN_BASE)}`

type MutableCustomer = Omit<SimCustomer, 'contractIds' | 'organization' | 'name'> & {
  name: string
  organization: Record<string, string>
  contractIds: string[]
}

function company(
  random: Random,
  ids: Set<string>,
  taken: readonly MutableCustomer[]
): MutableCustomer {
  const base = uniqueId(random, ids, () => `${random.pick(NIT_PREFIXES)}${digits(random, 6)}`)
  const { stem, sector } = random.pick(COMPANY_STEMS)
  let tradeName = `${stem} ${random.pick(COMPANY_NAMES)}`
  while (taken.some((customer) => customer.organization.tradeName === tradeName)) {
    tradeName = `${stem} ${random.pick(COMPANY_NAMES)} ${random.pick(COMPANY_NAMES)}`
  }
  const name = `${tradeName} ${weighted(random, LEGAL_FORMS).form}`
  const place = weighted(random, PLACES)
  const displayId = `${base}-${nitCheckDigit(base)}`
  return {
    idType: 'NIT',
    identification: base,
    displayId,
    kind: 'company',
    name,
    organization: {
      name,
      tradeName,
      nit: displayId,
      sector,
      city: place.city,
      department: place.department,
      address: streetAddress(random),
      phone: landline(random, place),
      email: `facturacion@${slug(tradeName)}.com.co`
    },
    contractIds: []
  }
}

function person(random: Random, ids: Set<string>): MutableCustomer {
  const identification = uniqueId(random, ids, () => {
    const prefix = random.pick(CC_PREFIXES)
    return `${prefix}${digits(random, 6)}`
  })
  const first = random.pick(FIRST_NAMES)
  const name = `${first} ${random.pick(LAST_NAMES)} ${random.pick(LAST_NAMES)}`
  const place = weighted(random, PLACES)
  return {
    idType: 'CC',
    identification,
    displayId: identification,
    kind: 'person',
    name,
    organization: {
      name,
      tradeName: name,
      sector: 'Persona natural',
      city: place.city,
      department: place.department,
      address: streetAddress(random),
      phone: mobile(random),
      email: `${slug(name).slice(0, 18)}@correo.com.co`
    },
    contractIds: []
  }
}

function contract(random: Random, taken: Set<string>, owner: MutableCustomer): SimContract {
  const contractId = uniqueId(random, taken, () => `9${random.int(0, 1)}${digits(random, 7)}`)
  owner.contractIds.push(contractId)
  const place = random.chance(0.7) ? placeOf(owner) : weighted(random, PLACES)
  const billingSystem = random.pick(BILLING_SYSTEMS)
  const cycleDay = random.int(1, 28)
  const company = owner.kind === 'company'
  return {
    contractId,
    ownerIdType: owner.idType,
    ownerIdentification: owner.identification,
    localAddress: address(random, place),
    // RR prints the cycle as a bare two-digit day, FENIX as "Ciclo N": clients see both.
    cycle: billingSystem === 'FENIX' ? `Ciclo ${cycleDay}` : String(cycleDay).padStart(2, '0'),
    deliveryMethod: random.pick(DELIVERY_METHODS),
    billingSystem,
    party: {
      plusCustomer: company && random.chance(0.35),
      webBillStatus: random.pick(['ACTIVA', 'ACTIVA', 'INACTIVA', 'PENDIENTE ACTIVACION']),
      contactPhone: random.chance(0.6) ? mobile(random) : landline(random, place),
      contactEmail: owner.organization.email ?? 'facturacion@correo.com.co',
      role: company ? random.pick(PARTY_ROLES) : 'TITULAR'
    }
  }
}

function placeOf(customer: MutableCustomer): Place {
  return PLACES.find((place) => place.city === customer.organization.city) ?? PLACES[0]!
}

function address(random: Random, place: Place): SimAddress {
  return {
    address: `${streetAddress(random)}, ${place.city}`,
    geographicPlace: {
      city: place.city,
      department: place.department,
      daneCode: place.daneCode,
      country: 'Colombia'
    }
  }
}

/** Colombian grid addresses: "Cra 7 # 71-21", "Calle 10 # 43D-30 Oficina 502". */
function streetAddress(random: Random): string {
  const letter = (): string => (random.chance(0.2) ? random.pick(['A', 'B', 'C', 'D', 'BIS']) : '')
  const suffix = random.pick(ADDRESS_SUFFIXES)
  const street = `${random.pick(STREET_TYPES)} ${random.int(1, 120)}${letter()}`
  const number = `# ${random.int(1, 110)}${letter()}-${String(random.int(1, 99)).padStart(2, '0')}`
  return suffix ? `${street} ${number} ${suffix}` : `${street} ${number}`
}

const AREA_CODES: Record<string, string> = {
  Antioquia: '604',
  'Bogotá D.C.': '601',
  Cundinamarca: '601',
  'Valle del Cauca': '602',
  Atlántico: '605',
  Bolívar: '605',
  Magdalena: '605',
  Córdoba: '604',
  Santander: '607',
  'Norte de Santander': '607'
}

function landline(random: Random, place: Place): string {
  return `${AREA_CODES[place.department] ?? '606'}${random.int(2, 4)}${digits(random, 6)}`
}

function mobile(random: Random): string {
  return `3${random.pick(['00', '01', '04', '10', '12', '14', '15', '20', '22', '50'])}${digits(random, 7)}`
}

function digits(random: Random, count: number): string {
  let out = ''
  for (let i = 0; i < count; i++) out += String(random.int(0, 9))
  return out
}

function uniqueId(random: Random, taken: Set<string>, make: () => string): string {
  for (;;) {
    const id = make()
    if (!taken.has(id)) {
      taken.add(id)
      return id
    }
  }
}

function weighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0)
  let roll = random.next() * total
  for (const item of items) {
    roll -= item.weight
    if (roll < 0) return item
  }
  return items[items.length - 1]!
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
}
