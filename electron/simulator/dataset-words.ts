/** Word lists for realistic Colombian B2B customers. Invented names; no real companies. */

export interface Place {
  city: string
  department: string
  daneCode: string
  /** How often the place is drawn: Tigo-UNE is strongest in Antioquia and Bogotá. */
  weight: number
}

export const PLACES: readonly Place[] = [
  { city: 'Medellín', department: 'Antioquia', daneCode: '05001', weight: 10 },
  { city: 'Bogotá D.C.', department: 'Bogotá D.C.', daneCode: '11001', weight: 9 },
  { city: 'Cali', department: 'Valle del Cauca', daneCode: '76001', weight: 4 },
  { city: 'Barranquilla', department: 'Atlántico', daneCode: '08001', weight: 3 },
  { city: 'Envigado', department: 'Antioquia', daneCode: '05266', weight: 3 },
  { city: 'Itagüí', department: 'Antioquia', daneCode: '05360', weight: 2 },
  { city: 'Bello', department: 'Antioquia', daneCode: '05088', weight: 2 },
  { city: 'Rionegro', department: 'Antioquia', daneCode: '05615', weight: 2 },
  { city: 'Cartagena', department: 'Bolívar', daneCode: '13001', weight: 2 },
  { city: 'Bucaramanga', department: 'Santander', daneCode: '68001', weight: 2 },
  { city: 'Pereira', department: 'Risaralda', daneCode: '66001', weight: 2 },
  { city: 'Manizales', department: 'Caldas', daneCode: '17001', weight: 1 },
  { city: 'Cúcuta', department: 'Norte de Santander', daneCode: '54001', weight: 1 },
  { city: 'Ibagué', department: 'Tolima', daneCode: '73001', weight: 1 },
  { city: 'Villavicencio', department: 'Meta', daneCode: '50001', weight: 1 },
  { city: 'Santa Marta', department: 'Magdalena', daneCode: '47001', weight: 1 },
  { city: 'Montería', department: 'Córdoba', daneCode: '23001', weight: 1 },
  { city: 'Armenia', department: 'Quindío', daneCode: '63001', weight: 1 },
  { city: 'Chía', department: 'Cundinamarca', daneCode: '25175', weight: 1 },
  { city: 'Soacha', department: 'Cundinamarca', daneCode: '25754', weight: 1 }
]

/** Company name stem → economic sector shown in the organization object. */
export const COMPANY_STEMS: readonly { stem: string; sector: string }[] = [
  { stem: 'Inversiones', sector: 'Actividades financieras' },
  { stem: 'Comercializadora', sector: 'Comercio al por mayor' },
  { stem: 'Distribuidora', sector: 'Comercio al por mayor' },
  { stem: 'Transportes', sector: 'Transporte de carga' },
  { stem: 'Constructora', sector: 'Construcción' },
  { stem: 'Clínica', sector: 'Salud humana' },
  { stem: 'Laboratorios', sector: 'Industria farmacéutica' },
  { stem: 'Industrias', sector: 'Industria manufacturera' },
  { stem: 'Alimentos', sector: 'Industria de alimentos' },
  { stem: 'Logística', sector: 'Almacenamiento y logística' },
  { stem: 'Soluciones Tecnológicas', sector: 'Tecnologías de la información' },
  { stem: 'Ferretería', sector: 'Comercio al por menor' },
  { stem: 'Agroindustrial', sector: 'Agricultura' },
  { stem: 'Colegio', sector: 'Educación' },
  { stem: 'Hotel', sector: 'Alojamiento y turismo' },
  { stem: 'Grupo Empresarial', sector: 'Actividades de holding' },
  { stem: 'Confecciones', sector: 'Industria textil' },
  { stem: 'Droguería', sector: 'Comercio al por menor' },
  { stem: 'Servicios Integrales', sector: 'Servicios administrativos' },
  { stem: 'Consultores', sector: 'Consultoría empresarial' }
]

export const COMPANY_NAMES: readonly string[] = [
  'Andina',
  'del Valle',
  'El Poblado',
  'Santa Fe',
  'La Sabana',
  'Los Andes',
  'del Pacífico',
  'del Caribe',
  'San José',
  'Aburrá',
  'La Montaña',
  'El Dorado',
  'Laureles',
  'La Candelaria',
  'Sabaneta',
  'Altos del Norte',
  'Occidente',
  'Oriente Antioqueño',
  'Magdalena',
  'Cafetera',
  'Bolívar',
  'Santander',
  'Nutibara',
  'Guayacán',
  'Ceiba',
  'Palmas',
  'Esmeralda',
  'Cordillera',
  'Llanos',
  'La Floresta',
  'Belén',
  'Envigado',
  'Río Negro',
  'Colombiana',
  'Nacional',
  'Horizonte',
  'Quimbaya',
  'Tayrona',
  'Arhuaco',
  'Guatapé'
]

/** Legal forms with a cumulative-free weight; S.A.S. dominates Colombian SMEs since 2008. */
export const LEGAL_FORMS: readonly { form: string; weight: number }[] = [
  { form: 'S.A.S.', weight: 12 },
  { form: 'Ltda.', weight: 4 },
  { form: 'S.A.', weight: 3 },
  { form: '& Cía. S. en C.', weight: 1 }
]

export const FIRST_NAMES: readonly string[] = [
  'María Fernanda',
  'Juan Carlos',
  'Luz Marina',
  'Andrés Felipe',
  'Carolina',
  'Jorge Iván',
  'Diana Marcela',
  'Luis Fernando',
  'Paula Andrea',
  'Santiago',
  'Gloria Patricia',
  'Camilo',
  'Natalia',
  'Óscar Darío',
  'Valentina',
  'Hernán'
]

export const LAST_NAMES: readonly string[] = [
  'Gómez',
  'Restrepo',
  'Rodríguez',
  'Martínez',
  'Giraldo',
  'Ospina',
  'Vélez',
  'Zapata',
  'Castaño',
  'Londoño',
  'Hernández',
  'Muñoz',
  'Jaramillo',
  'Cárdenas',
  'Rojas',
  'Quintero',
  'Arango',
  'Mejía',
  'Salazar',
  'Betancur'
]

export const STREET_TYPES: readonly string[] = [
  'Cra',
  'Calle',
  'Cl',
  'Av',
  'Diagonal',
  'Transversal',
  'Av Cra',
  'Circular'
]

export const ADDRESS_SUFFIXES: readonly string[] = [
  '',
  '',
  '',
  'Oficina 502',
  'Local 3',
  'Piso 4',
  'Bodega 12',
  'Torre B Oficina 1103',
  'Local 101'
]

export const BANKS: readonly string[] = [
  'Bancolombia',
  'Davivienda',
  'Banco de Bogotá',
  'BBVA Colombia',
  'Banco de Occidente',
  'Banco Popular',
  'Banco AV Villas',
  'Scotiabank Colpatria',
  'Banco Caja Social',
  'Nequi'
]

export const PAYMENT_METHODS: readonly string[] = [
  'PSE',
  'DEBITO AUTOMATICO',
  'EFECTIVO',
  'TARJETA CREDITO',
  'TRANSFERENCIA',
  'CONSIGNACION'
]

export const DELIVERY_METHODS: readonly string[] = ['EMAIL', 'FISICA', 'WEB', 'EMAIL Y FISICA']
export const BILLING_SYSTEMS: readonly string[] = ['RR', 'FENIX', 'OPEN']
export const PARTY_ROLES: readonly string[] = ['TITULAR', 'PAGADOR', 'ADMINISTRADOR', 'CONTACTO']
