import { XMLBuilder } from 'fast-xml-parser';

export type Open311Format = 'json' | 'xml';

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false });

/**
 * One answer in the format the path asked for. XML follows the spec's element names: a
 * list is its root (`services`, `service_requests`) with one `item` element per entry;
 * JSON is the plain array or object. The XML declaration names UTF-8, as the spec requires.
 */
export function render(
  format: Open311Format,
  body: unknown,
  xml: { root: string; item?: string },
): { type: string; payload: string } {
  if (format === 'json') return { type: 'application/json; charset=utf-8', payload: JSON.stringify(body) };
  const content = xml.item ? { [xml.item]: (body as unknown[]).map(xmlValue) } : xmlValue(body);
  return {
    type: 'text/xml; charset=utf-8',
    payload: `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [xml.root]: content })}`,
  };
}

/** Arrays inside an entry become wrapped lists (attributes/attribute, values/value, formats/format); null is empty. */
function xmlValue(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(xmlValue);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) =>
        Array.isArray(inner)
          ? [key, { [XML_ITEM[key] ?? 'item']: inner.map(xmlValue) }]
          : [key, xmlValue(inner)],
      ),
    );
  }
  return value;
}

const XML_ITEM: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  formats: 'format',
  endpoints: 'endpoint',
};

/** Open311's error list. */
export function renderErrors(
  format: Open311Format,
  errors: { code: number; description: string }[],
): { type: string; payload: string } {
  return render(format, errors, { root: 'errors', item: 'error' });
}
