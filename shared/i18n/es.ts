import { uiEs } from './ui-es'

/** Spanish (es-CO), the app's first language. Keys are grouped by prefix; keep them sorted within a group. */
export const es: Record<string, string> = {
  ...uiEs,
  'idType.CC': 'Cédula de ciudadanía',
  'idType.CE': 'Cédula de extranjería',
  'idType.DE': 'Documento de identificación extranjero',
  'idType.NIT': 'NIT',
  'idType.NITE': 'NIT de otro país',
  'idType.NUIP': 'NUIP',
  'idType.PEP': 'Permiso especial de permanencia (PEP)',
  'idType.PP': 'Pasaporte',
  'idType.RC': 'Registro civil de nacimiento',
  'idType.TE': 'Tarjeta de extranjería',
  'idType.TI': 'Tarjeta de identidad',
  'error.amount_invalid': 'El monto «{value}» no es válido: debe ser en pesos, sin centavos.',
  'error.amount_not_positive': 'El monto debe ser mayor que cero.',
  'error.amount_over_cap': 'El monto supera el máximo permitido ({cap} pesos).',
  'error.api_bad_credentials':
    'Tigo rechazó las credenciales de la aplicación. Revise el client ID y el secreto en Configuración.',
  'error.api_busy':
    'Tigo está recibiendo demasiadas solicitudes. Intente de nuevo en unos momentos.',
  'error.api_invalid_response':
    'Tigo respondió algo que la aplicación no entiende. Intente de nuevo o avise a soporte.',
  'error.api_not_found': 'Tigo no encontró lo que buscaba. Revise los datos.',
  'error.api_rejected': 'Tigo rechazó la solicitud: {message}',
  'error.api_unauthorized': 'Tigo no aceptó la autorización de la aplicación. Avise a soporte.',
  'error.api_uncertain':
    'Tigo no confirmó la operación. Puede haberse realizado: se verificará antes de reintentar.',
  'error.api_unreachable': 'No hay conexión con Tigo. La solicitud no se envió.',
  'error.barcode_ambiguous':
    'El código de barras se puede leer de más de una forma. Digite los datos de la factura.',
  'error.barcode_amount': 'El valor a pagar del código de barras no es válido ({value}).',
  'error.barcode_due_date':
    'La fecha de vencimiento del código de barras no es una fecha válida ({value}).',
  'error.barcode_gln_check':
    'El código de la empresa en el código de barras ({gln}) no es válido. Vuelva a escanear.',
  'error.barcode_malformed':
    'No se pudo leer el código de barras de la factura. Vuelva a escanear o digite los datos.',
  'error.nit_check_digit':
    'El dígito de verificación no corresponde a este NIT (debería ser {expected}). Revise el número.',
  'error.nit_format':
    'Escriba el NIT solo con números y, si lo tiene, el dígito de verificación tras un guion (900123456-7).',
  'error.nit_invalid': 'El NIT debe tener solo números, máximo {max}.',
  'error.settings_invalid_url':
    'La dirección de {field} no es válida: debe empezar por http:// o https:// y no llevar usuario ni contraseña.',
  'error.identification_format': 'Para {type} escriba solo números.',
  'error.identification_format_alphanumeric': 'Para {type} escriba solo letras y números.',
  'error.identification_length': 'El número de {type} debe tener entre {min} y {max} caracteres.',
  'error.identification_required': 'Escriba el número de identificación.',
  'error.bill_already_paid': 'La factura {billNo} ya aparece pagada. Consulte de nuevo al cliente.',
  'error.bill_already_queued':
    'La factura {billNo} ya tiene un pago en espera o registrado. No se puede cobrar dos veces.',
  'error.bill_duplicate': 'La factura {billNo} está repetida en este pago.',
  'error.bill_not_customer': 'La factura {billNo} no pertenece al cliente {identification}.',
  'error.bill_unknown':
    'La factura {billNo} del contrato {contractId} no está en los datos consultados. Consulte de nuevo al cliente.',
  'error.amount_mismatch':
    'El valor de la factura {billNo} debe ser exactamente {expected} (se indicó {given}). No se aceptan pagos parciales.',
  'error.db_busy':
    'La base de datos está ocupada por otro proceso. Intente de nuevo; si se repite, cierre otras copias de Caja.',
  'error.db_migration_failed':
    'No se pudo actualizar la base de datos (paso {version}): {detail}. No se cambió nada. Avise a soporte.',
  'error.db_newer_version':
    'La base de datos es de una versión más nueva de Caja (versión {found}, esta admite hasta {supported}). Instale la versión más reciente.',
  'error.db_pragmas':
    'Caja no puede guardar pagos de forma segura en la carpeta {dir} ({detail}). Verifique que exista y tenga permiso de escritura.',
  'error.db_readonly':
    'La base de datos de pagos es de solo lectura: no se guardó el último cambio. Revise los permisos de la carpeta de datos.',
  'error.disk_full':
    'El disco está lleno: no se guardó el último cambio (lo ya guardado está intacto). Libere espacio e intente de nuevo.',
  'error.outbox_item_unknown': 'No existe el envío pendiente {itemId}.',
  'error.outbox_transition_illegal': 'El envío {itemId} no puede pasar de «{from}» a «{to}».',
  'error.over_offline_cap':
    'Sin conexión, un pago no puede superar {cap} (este es de {total}). Se necesita la autorización de un supervisor.',
  'error.over_pending_total':
    'Hay {pending} en pagos por enviar; con este ({total}) se superaría el máximo de {cap}. Espere a que se envíen.',
  'error.payment_method_invalid': 'El medio de pago «{method}» no es válido.',
  'error.payment_no_bills': 'Seleccione al menos una factura para pagar.',
  'error.tendered_insufficient':
    'El efectivo recibido ({tendered}) es menor que el total ({total}).',
  'error.internal': 'Ocurrió un error inesperado. Intente de nuevo.',
  'error.invalid_input': 'Datos inválidos: {detail}'
}
