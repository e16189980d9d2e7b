import { findPaymentEs } from './find-payment-es'
import { shellEs } from './shell-es'
import { uiBackOfficeEs } from './ui-back-office-es'
import { uiCounterEs } from './ui-counter-es'
import { uiOutboxAuditEs } from './ui-outbox-audit-es'
import { uiShiftEs } from './ui-shift-es'

/** Spanish (es-CO), the app's first language. Keys are grouped by prefix; keep them sorted within a group. */
export const es = {
  ...uiCounterEs,
  ...uiShiftEs,
  ...uiOutboxAuditEs,
  ...uiBackOfficeEs,
  ...shellEs,
  ...findPaymentEs,
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
  'error.bill_paid_elsewhere':
    'Tigo ya tenía la factura como pagada por otro medio: este pago no se registró. Revise si hay que devolver el dinero.',
  'error.register_refused':
    'Tigo no aceptó registrar la factura. Revise la factura con un supervisor.',
  'error.invalid_id_type': 'El tipo de documento del pago no es válido: no se puede enviar a Tigo.',
  'error.invalid_request': 'El pago tiene datos que no se pueden enviar a Tigo: {detail}',
  'error.bill_already_queued':
    'La factura {billNo} ya tiene un pago en espera o registrado. No se puede cobrar dos veces.',
  'error.bill_duplicate': 'La factura {billNo} está repetida en este pago.',
  'error.id_type_unconfirmed':
    'Confirme el tipo de documento del cliente antes de cobrar la factura {billNo}.',
  'error.id_type_not_found':
    'Tigo no tiene un cliente con {idType} {identification}. Revise el tipo de documento con el cliente.',
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
  'error.supervisor_note_required': 'Escriba una nota que justifique la decisión.',
  'error.outbox_decision_not_allowed':
    'El envío {itemId} ({state}) no admite la decisión «{decision}».',
  'error.outbox_resend_unverified':
    'No se pudo confirmar con Tigo que la factura sigue sin pagar; no se reenvía.',
  'error.outbox_resend_bill_paid': 'Tigo tiene la factura como pagada; no se reenvía.',
  'error.over_offline_cap':
    'Sin conexión, un pago no puede superar {cap} (este es de {total}). Se necesita la autorización de un supervisor.',
  'error.over_pending_total':
    'Hay {pending} en pagos por enviar; con este ({total}) se superaría el máximo de {cap}. Espere a que se envíen o pida la autorización de un supervisor.',
  'error.payment_method_invalid': 'El medio de pago «{method}» no es válido.',
  'error.payment_no_bills': 'Seleccione al menos una factura para pagar.',
  'error.tendered_insufficient':
    'El efectivo recibido ({tendered}) es menor que el total ({total}).',
  'error.api_credentials_missing':
    'Faltan el usuario o la clave de la API de Tigo. Configúrelos en Ajustes.',
  'error.barcode_bill_not_found': 'No se encontró la factura de la referencia {reference}.',
  'error.checkout_failed': 'Tigo no pudo iniciar el pago en línea. {detail}',
  'error.forbidden': 'No tiene permiso para esta acción.',
  'error.not_implemented': 'Esta función aún no está disponible.',
  'error.payment_not_found': 'No se encontró el pago.',
  'error.settings_out_of_range': 'El valor de {field} debe estar entre {min} y {max}.',
  'error.settings_api_change_pending':
    'No se puede cambiar la conexión con Tigo (URL del API, URL del token o client ID) mientras {count, plural, one {haya # factura} other {haya # facturas}} por enviar: se enviarían a otro destino. Deje que terminen de enviarse (o resuélvalas en «Pagos por enviar») y vuelva a intentarlo. Cambiar solo la clave sí se permite.',
  'error.unknown_channel': 'Solicitud desconocida.',
  'error.untrusted_sender': 'Solicitud rechazada: no viene de la ventana de la caja.',
  'error.pin_format': 'El PIN debe tener de {min} a {max} dígitos, solo números.',
  'error.pin_too_simple':
    'Ese PIN es muy fácil de adivinar (un dígito repetido o una serie como 1234). Elija otro.',
  'error.pin_wrong':
    'PIN incorrecto. {attemptsLeft, plural, one {Queda # intento} other {Quedan # intentos}} antes del bloqueo.',
  'error.pin_unchanged': 'El PIN nuevo debe ser distinto del actual.',
  'error.pin_change_required': 'Antes de continuar, cambie su PIN.',
  'error.sign_in_failed': 'Usuario o PIN incorrecto.',
  'error.user_disabled': 'El usuario {name} está desactivado. Hable con un supervisor.',
  'error.user_locked_out':
    'Demasiados PIN incorrectos: el usuario queda bloqueado {minutes, number} min. Un supervisor puede restablecer el PIN.',
  'error.signed_out': 'Inicie sesión para continuar.',
  'error.session_locked': 'La pantalla está bloqueada: escriba su PIN para continuar.',
  'error.approval_needs_supervisor': '{name} no es supervisor: solo un supervisor puede autorizar.',
  'error.approval_pin_change_required':
    '{name} debe cambiar su PIN inicial antes de poder autorizar.',
  'error.approval_invalid':
    'La autorización del supervisor ya se usó, venció (2 min) o es de otra operación. Pídala de nuevo.',
  'error.user_name_invalid':
    'El nombre debe tener de 1 a {max} caracteres: letras, números, espacios, punto, guion o apóstrofo.',
  'error.user_name_taken': 'Ya existe un usuario llamado {name}.',
  'error.user_unknown': 'El usuario no existe.',
  'error.user_disable_self': 'No puede desactivar su propio usuario.',
  'error.last_supervisor': 'No se puede desactivar al último supervisor activo.',
  'receipt.amount': 'Valor',
  'receipt.approvedBy': 'Autorizó',
  'receipt.batchSource': 'Pago recibido fuera de línea (archivo de lote)',
  'receipt.bill': 'Factura',
  'receipt.billRejected': 'Tigo no aceptó esta factura',
  'receipt.cashier': 'Cajero',
  'receipt.change': 'Cambio',
  'receipt.contract': 'Contrato',
  'receipt.contracts': 'Contratos',
  'receipt.copy': 'COPIA',
  'receipt.customer': 'Cliente',
  'receipt.date': 'Fecha',
  'receipt.externalRef': 'Ref. externa',
  'receipt.method': 'Medio de pago',
  'receipt.method.cash': 'Efectivo',
  'receipt.method.check': 'Cheque',
  'receipt.method.credit_card': 'Tarjeta crédito',
  'receipt.method.debit_card': 'Tarjeta débito',
  'receipt.method.transfer': 'Transferencia',
  'receipt.nit': 'NIT',
  'receipt.number': 'Recibo N.º',
  'receipt.paymentId': 'Id del pago:',
  'receipt.printedAt': 'Impreso: {at}',
  'receipt.reference': 'Ref.',
  'receipt.reprintedAt': 'Reimpreso: {at}',
  'receipt.status.pending': 'PENDIENTE DE CONFIRMACIÓN',
  'receipt.status.pendingNote':
    'El pago quedó guardado en esta caja y se reportará a Tigo en cuanto haya conexión.',
  'receipt.status.registered': 'PAGO REGISTRADO EN TIGO',
  'receipt.status.registeredNote': 'Tigo confirmó el pago de las facturas.',
  'receipt.status.rejected': 'PAGO NO ACEPTADO POR TIGO',
  'receipt.status.rejectedNote': 'Una o más facturas no fueron aceptadas. Consulte al supervisor.',
  'receipt.tendered': 'Recibido',
  'receipt.terminal': 'Caja {terminal}',
  'receipt.thanks': 'Gracias por su pago',
  'receipt.title': 'RECIBO DE PAGO',
  'receipt.total': 'TOTAL',
  'closing.allSettled': 'Todos los pagos del turno están confirmados por Tigo.',
  'closing.cashIn': 'Entradas de efectivo',
  'closing.cashOut': 'Salidas de efectivo',
  'closing.closedAt': 'Cierre',
  'closing.counted': 'Contado',
  'closing.even': 'Cuadra',
  'closing.expected': 'Esperado',
  'closing.notCounted': 'No contado',
  'closing.notes': 'Observaciones',
  'closing.openedAt': 'Apertura',
  'closing.openingFloat': 'Base inicial',
  'closing.payments': '{count, plural, one {# pago} other {# pagos}}',
  'closing.shift': 'Turno N.º',
  'closing.shortage': 'Faltante',
  'closing.signCashier': 'Firma del cajero',
  'closing.signSupervisor': 'Firma del supervisor',
  'closing.state.queued': 'en espera',
  'closing.state.registered': 'registrado',
  'closing.state.rejected': 'rechazado',
  'closing.state.sending': 'enviando',
  'closing.state.uncertain': 'por verificar',
  'closing.surplus': 'Sobrante',
  'closing.taken': 'Recaudado',
  'closing.terminal': 'Caja',
  // Closing report (issue 14)
  'closing.cashLine': 'Efectivo en caja',
  'closing.differenceReason': 'Motivo de la diferencia',
  'closing.approvedBy': 'Autorizó',
  'closing.imported': 'Pagos importados por lote (fuera de caja)',
  'closing.title': 'CIERRE DE CAJA',
  'closing.totalCounted': 'Total contado',
  'closing.totalDifference': 'Diferencia',
  'closing.totalExpected': 'Total esperado',
  'closing.totalPayments': 'Pagos del turno',
  'closing.totalTaken': 'Total recaudado',
  'closing.unsettledTitle':
    '{count, plural, one {# FACTURA SIN CONFIRMAR} other {# FACTURAS SIN CONFIRMAR}} POR TIGO',
  'closing.csv.differenceReason': 'motivo_diferencia',
  'closing.csv.approvedBy': 'autorizo_diferencia',
  'closing.csv.imported': 'importados_por_lote',
  'closing.csv.actor': 'responsable',
  'closing.csv.amount': 'valor',
  'closing.csv.bill': 'factura',
  'closing.csv.cashIn': 'entradas',
  'closing.csv.cashOut': 'salidas',
  'closing.csv.cashier': 'cajero',
  'closing.csv.closedAt': 'cierre',
  'closing.csv.counted': 'contado',
  'closing.csv.difference': 'diferencia',
  'closing.csv.expected': 'esperado',
  'closing.csv.method': 'medio_pago',
  'closing.csv.movementAt': 'fecha_movimiento',
  'closing.csv.movementKind': 'tipo_movimiento',
  'closing.csv.notes': 'observaciones',
  'closing.csv.openedAt': 'apertura',
  'closing.csv.openingFloat': 'base_inicial',
  'closing.csv.paymentId': 'id_pago',
  'closing.csv.payments': 'pagos',
  'closing.csv.reason': 'motivo',
  'closing.csv.receiptNo': 'recibo',
  'closing.csv.shift': 'turno',
  'closing.csv.state': 'estado',
  'closing.csv.taken': 'recaudado',
  'closing.csv.terminal': 'caja',
  'closing.csv.total': 'total',
  'batch.csv.accepted': 'importada',
  'batch.csv.amount': 'valor',
  'batch.csv.bill': 'factura',
  'batch.csv.detail': 'detalle',
  'batch.csv.line': 'linea',
  'batch.csv.paymentId': 'id_pago',
  'batch.csv.reason': 'motivo',
  'batch.csv.receiptNo': 'recibo',
  'batch.csv.rejected': 'rechazada',
  'batch.csv.state': 'estado_envio',
  'batch.csv.status': 'resultado',
  'batch.reason.already_imported': 'Esta fila ya se importó antes (factura {billNo}).',
  'batch.reason.amount_mismatch': 'El valor de la factura {billNo} es {expected}, no {given}.',
  'batch.reason.bill_already_paid': 'La factura {billNo} ya aparece pagada.',
  'batch.reason.bill_already_queued':
    'La factura {billNo} ya tiene un pago en espera o registrado.',
  'batch.reason.bill_not_customer': 'La factura {billNo} no es del cliente {identification}.',
  'batch.reason.id_type_unconfirmed':
    'El tipo de documento del dueño de la factura {billNo} no está confirmado: busque el cliente en la caja y confírmelo.',
  'batch.reason.bill_unknown':
    'La factura {billNo} del contrato {contractId} no está en los datos guardados. Consulte el cliente antes de importar.',
  'batch.reason.customer_unknown':
    'No hay datos guardados del cliente {idType} {identification}. Consúltelo antes de importar.',
  'batch.reason.duplicate_row': 'La factura {billNo} aparece más de una vez en el archivo.',
  'batch.reason.identification_invalid': 'La identificación «{identification}» no es válida.',
  'batch.reason.malformed_amount': 'El valor «{value}» no es un monto en pesos válido.',
  'batch.reason.malformed_columns':
    'La fila tiene {found} columnas y el encabezado {expected}. Revise separadores y comillas.',
  'batch.reason.malformed_date':
    'La fecha «{value}» no es válida (use AAAA-MM-DD o DD/MM/AAAA, con hora opcional).',
  'batch.reason.malformed_id_type': 'El tipo de identificación «{value}» no existe.',
  'batch.reason.malformed_method': 'El medio de pago «{value}» no existe.',
  'batch.reason.malformed_missing': 'Falta el dato de la columna {field}.',
  'batch.reason.nit_check_digit':
    'El dígito de verificación del NIT {identification} no corresponde (debería ser {expected}).',
  'batch.reason.paid_at_future': 'La fecha de pago {paidAt} es futura.',
  // Online lookups of bills never seen in this till (issue 14).
  'batch.reason.not_looked_up':
    'Sin consultar en Tigo: {cause, select, offline {no hay conexión} cancelled {se canceló la consulta} limit {el archivo trae demasiados clientes nuevos} other {Tigo no respondió bien}}. Cargue el archivo otra vez.',
  'batch.reason.customer_not_found': 'Tigo no encontró el cliente {idType} {identification}.',
  'batch.reason.bill_not_found': 'Tigo no tiene la factura {billNo} en el contrato {contractId}.',
  'error.batch_too_many_rows':
    'El archivo tiene más de {max} filas de pagos. Divídalo en archivos de hasta {max} filas e impórtelos uno por uno.',
  'error.batch_too_large':
    'El archivo pesa más de {maxMb} MB. Divídalo en archivos más pequeños e impórtelos uno por uno.',
  'error.batch_empty': 'El archivo no tiene filas de pagos.',
  'error.batch_header_invalid':
    'Al archivo le faltan columnas: {missing}. Use el encabezado documentado (tipo_id, identificacion, contrato, factura, valor, medio_pago, fecha_pago).',
  'error.batch_preview_unknown':
    'La vista previa del archivo ya no está disponible. Cárguelo de nuevo.',
  'error.batch_unknown': 'No existe la importación {batchId}.',
  'error.cash_move_reason_required': 'Escriba el motivo del movimiento de efectivo.',
  'error.cash_out_exceeds_drawer':
    'No se puede sacar {amount}: en la caja debería haber solo {available}.',
  'error.print_failed': 'No se pudo imprimir en «{printer}» ({reason}). Revise la impresora.',
  'error.shift_already_open': 'Ya hay un turno abierto en la caja {terminalId}. Ciérrelo primero.',
  'error.shift_not_open': 'No hay un turno abierto en la caja {terminalId}. Abra uno primero.',
  'error.shift_not_closed': 'El turno {shiftId} aún no se ha cerrado.',
  'error.shift_unknown': 'No existe el turno {shiftId}.',
  // Validate by coupon (issue 14)
  'error.coupon_type_unknown':
    'El tipo de cupón «{type}» no existe. Elija uno de la lista: {types}.',
  // Shift rules (issue 14): payments need a shift; a closing difference needs a reason.
  'error.shift_required':
    'Para cobrar hay que abrir un turno en la caja {terminalId}. Abra el turno con la base de efectivo.',
  'error.shift_other_cashier':
    'El turno abierto en la caja {terminalId} es de {cashier}. Solo esa persona o un supervisor puede cobrar en él.',
  'error.closing_reason_required':
    'El conteo no cuadra (diferencia de {difference}). Escriba el motivo de la diferencia.',
  'error.closing_approval_required':
    'La diferencia de {difference} supera {threshold}: se necesita la autorización de un supervisor.',
  'error.closing_count_mismatch':
    'El efectivo contado ({counted}) no coincide con el conteo por denominación ({drawer}).',
  'error.internal': 'Ocurrió un error inesperado. Intente de nuevo.',
  'error.invalid_input': 'Datos inválidos: {detail}',

  // Issue 13: a card, cheque or transfer payment's own reference.
  'reference.approvalCode': 'Código de aprobación',
  'reference.bank': 'Banco',
  'reference.cardLast4': 'Últimos 4 dígitos',
  'reference.checkNumber': 'Número de cheque',
  'reference.transferReference': 'Referencia de la transferencia',
  'closing.referencesTitle': 'Pagos con tarjeta, cheque o transferencia',
  'error.reference_missing_approvalCode': 'Escriba el código de aprobación del datáfono.',
  'error.reference_missing_cardLast4': 'Escriba los últimos 4 dígitos de la tarjeta.',
  'error.reference_missing_bank': 'Escriba el banco.',
  'error.reference_missing_checkNumber': 'Escriba el número del cheque.',
  'error.reference_missing_transferReference': 'Escriba la referencia de la transferencia.',
  'error.reference_invalid_approvalCode':
    'El código de aprobación lleva de 4 a 12 letras o dígitos, como lo imprime el datáfono.',
  'error.reference_invalid_cardLast4': 'Escriba exactamente los 4 últimos dígitos de la tarjeta.',
  'error.reference_invalid_bank': 'Escriba el nombre del banco (de 2 a 60 caracteres).',
  'error.reference_invalid_checkNumber': 'El número del cheque lleva de 4 a 20 dígitos.',
  'error.reference_invalid_transferReference':
    'La referencia de la transferencia lleva de 4 a 40 letras, dígitos o guiones.',
  // Issue 13: a failed lookup speaks of the lookup, not of a payment.
  'error.lookup_no_answer':
    'Tigo no respondió la consulta a tiempo. Intente de nuevo en un momento; no se cobró ni se registró nada.',
  // Issue 13: a bill paid offline from its barcode alone, on the printed receipt.
  'receipt.unverified': 'SIN VERIFICAR: Tigo revisará esta factura',
  // Issue 13: Tigo known to be away and nothing saved for the lookup; the cashier cancelled one.
  'error.lookup_offline':
    'No hay conexión con Tigo y esta consulta no está guardada en la caja. Intente de nuevo cuando vuelva la conexión.',
  'error.lookup_cancelled': 'Consulta cancelada. Puede intentarla de nuevo.'
} satisfies Record<string, string>

export type EsKey = keyof typeof es
