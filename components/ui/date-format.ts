// Intl.DateTimeFormat objects are costly to build (locale data is resolved on every construction:
// tenths of a millisecond each, more on a busy machine) and cheap to reuse. A thread, a list page or
// the contact panel writes hundreds of times at once, so each locale + options pair is built once.
const formats = new Map<string, Intl.DateTimeFormat>();

/** The same formatter as `new Intl.DateTimeFormat(locale, options)`, built once per page. */
export function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}
