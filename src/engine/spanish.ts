// The five commands in Spanish ("añade llamar al dentista", "¿qué tengo pendiente?", "marca X como
// hecha", "borra X", "cambia X a Y"): the command words are said in English and the rest is left as
// typed, so titles keep the user's words. Date words of an add ("mañana", "el lunes") become English
// ones the calendar reads. Replies stay in English.

/** First words that make a message Spanish. */
const SPANISH = /^(?:[¿¡]|(?:mis|añade|añadir|agrega|agregar|apunta|anota|apúntame|recuérdame|recuerdame|nueva|tengo|necesito|marca|completa|termina|finaliza|borra|borrar|elimina|eliminar|quita|quitar|cambia|cambiar|renombra|muéstrame|muestrame|muestra|enséñame|ensename|lista|qué|cuántas|cuantas|ya|hola|gracias|adiós|adios|ayuda)\b)/iu;

const WEEKDAYS: Record<string, string> = { lunes: 'monday', martes: 'tuesday', miércoles: 'wednesday', miercoles: 'wednesday', jueves: 'thursday', viernes: 'friday', sábado: 'saturday', sabado: 'saturday', domingo: 'sunday' };

/** Date words of an add, in English. */
function englishDates(body: string): string {
  return body
    .replace(/\bpasado\s+mañana\b/giu, 'in 2 days')
    .replace(/(?<!\bla\s)\bmañana\b/giu, 'tomorrow')
    .replace(/\bhoy\b/giu, 'today')
    .replace(/\besta\s+noche\b/giu, 'tonight')
    .replace(/\b(?:la\s+semana\s+que\s+viene|la\s+pr[oó]xima\s+semana)\b/giu, 'next week')
    .replace(/\b(?:el\s+)?(lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\b/giu, (_w, day: string) => `on ${WEEKDAYS[day.toLowerCase()] ?? day}`);
}

/** "leche, huevos y pan": the list's "y" is "and". */
const listAnd = (body: string): string => (body.includes(',') ? body.replace(/\s+[ye]\s+(?=[^,]+$)/u, ' and ') : body);

/** "la tarea del alquiler" -> "the alquiler": what names the task, without the Spanish wrapper. */
const taskName = (ref: string): string =>
  ref.replace(/^(?:la|las|el|los)\s+tareas?\s+(?:del?|de\s+la|de\s+los|de\s+las|sobre)\s+/iu, 'the ').replace(/\s+de\s+(?:la|mi)\s+lista$/iu, '');

const RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^¿?\s*qu[eé]\s+(?:(?:tengo|me\s+queda|queda|hay)\s+(?:pendientes?|por\s+hacer)|me\s+queda|(?:tengo\s+)?pendiente|tengo\s+que\s+hacer|(?:me\s+)?falta(?:\s+por\s+hacer)?)\s*\??$/iu, () => "what's pending?"],
  [/^¿?\s*qu[eé]\s+(?:he|hemos)\s+(?:terminado|hecho|completado|acabado)\s*\??$/iu, () => 'what have I completed?'],
  [/^¿?\s*cu[aá]ntas\s+tareas\s+(?:tengo|hay)(\s+pendientes)?\s*\??$/iu, (m) => (m[1] ? 'how many tasks are pending?' : 'how many tasks do I have?')],
  [/^(?:mu[eé]strame|muestra|ens[eé][ñn]ame|lista|listar|dame)\s+(?:todas\s+)?(?:mis|las)\s+tareas\s*[.!?]*$/iu, () => 'show all my tasks'],
  [/^¿?\s*(?:(?:qu[eé]|cu[aá]les)\s+(?:son\s+)?)?(?:mis\s+)?tareas(?:\s+tengo)?\s*\??$/iu, () => 'show all my tasks'],
  [/^(?:añade|añadir|agrega|agregar|apunta|apúntame|anota|crea|crear)\s+(?:una\s+)?(?:nueva\s+)?(?:tarea\s*:?\s*)?(.+)$/iu, (m) => `add ${listAnd(englishDates(m[1] ?? ''))}`],
  [/^nueva\s+tarea\s*:?\s*(.+)$/iu, (m) => `new task: ${englishDates(m[1] ?? '')}`],
  [/^recu[eé]rdame\s+(?:que\s+)?(.+)$/iu, (m) => `remind me to ${englishDates(m[1] ?? '')}`],
  [/^(?:tengo\s+que|necesito|debo)\s+(.+)$/iu, (m) => `I have to ${englishDates(m[1] ?? '')}`],
  [/^marca\s+(.+?)\s+como\s+(?:hechas?|completadas?|terminadas?|listas?|realizadas?)\s*[.!]*$/iu, (m) => `mark ${taskName(m[1] ?? '')} as done`],
  [/^(?:completa|termina|finaliza)\s+(.+)$/iu, (m) => `complete ${taskName(m[1] ?? '')}`],
  [/^ya\s+(.+)$/iu, (m) => `done: ${taskName(m[1] ?? '')}`],
  [/^(?:borra|borrar|elimina|eliminar|quita|quitar)\s+(.+)$/iu, (m) => `delete ${taskName(m[1] ?? '')}`],
  [/^(?:cambia|cambiar|renombra|renombrar)\s+(.+?)\s+(?:a|por)\s+(.+)$/iu, (m) => `rename ${taskName(m[1] ?? '')} to ${m[2] ?? ''}`],
  [/^hola\b.*$/iu, () => 'hi'],
  [/^(?:muchas\s+)?gracias\b.*$/iu, () => 'thanks'],
  [/^adi[oó]s\b.*$/iu, () => 'bye'],
  [/^ayuda\s*[?!]*$/iu, () => 'help'],
];

/** A Spanish command said in English, the rest as typed; any other message as it was. */
export function fromSpanish(raw: string): string {
  const text = raw.trim();
  if (!SPANISH.test(text)) return raw;
  for (const [re, english] of RULES) {
    const m = re.exec(text);
    if (m) return english(m);
  }
  return raw;
}
