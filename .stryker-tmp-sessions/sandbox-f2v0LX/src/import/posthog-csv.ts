// @ts-nocheck
import { CsvSplitter } from './csv';
import type { ChunkParser, ParsedItem } from './types';

/**
 * PostHog's CSV event export (posthog/tasks/exports/csv_exporter.py + ordered_csv_renderer.py):
 * a header row, then one row per event. Nested values are flattened into dotted columns, so an
 * event's properties arrive as `properties.$browser`, `properties.$current_url`, … (or, when
 * the export selected `*`, as `*.properties.$browser`, `*.uuid`, …); older exports name the uuid
 * `id`. Other columns (`person`, `elements`, `team_id`, `created_at`, …) carry nothing an event
 * needs and are ignored. A `properties` column holding a JSON object is merged in too.
 *
 * Lossy by PostHog's design: every cell is text, so property values arrive as strings (a
 * number `1280` becomes `"1280"`), and an empty cell cannot be told from a missing property
 * (it is left out).
 */
const REQUIRED = ['uuid', 'event', 'distinct_id', 'timestamp'] as const;

interface Columns {
  uuid: number;
  event: number;
  distinct_id: number;
  timestamp: number;
  properties: number;
  elements_chain: number;
  /** `properties.<key>` columns: index and key. */
  props: Array<[number, string]>;
}

export function posthogCsvParser(): ChunkParser {
  const csv = new CsvSplitter();
  let columns: Columns | null = null;
  let width = 0;
  let failed = false;

  const toItems = (records: ReturnType<CsvSplitter['push']>): ParsedItem[] => {
    const out: ParsedItem[] = [];
    for (const record of records) {
      if (failed) break;
      if ('error' in record) out.push(record);
      else if (!columns) {
        const header = readHeader(record.fields);
        if (typeof header === 'string') {
          out.push({ line: record.line, error: header });
          failed = true; // without its columns no row can be read
        } else {
          columns = header;
          width = record.fields.length;
        }
      } else if (record.fields.length !== width) out.push({ line: record.line, error: `has ${record.fields.length} fields, the header has ${width}` });
      else out.push(rowToEvent(record.line, record.fields, columns));
    }
    return out;
  };
  return { push: (chunk) => toItems(csv.push(chunk)), end: () => toItems(csv.end()) };
}

function readHeader(names: string[]): Columns | string {
  const plain = names.map((n) => (n.startsWith('*.') ? n.slice(2) : n).trim());
  const at = (name: string) => plain.indexOf(name);
  const columns: Columns = {
    uuid: at('uuid') >= 0 ? at('uuid') : at('id'),
    event: at('event'),
    distinct_id: at('distinct_id'),
    timestamp: at('timestamp'),
    properties: at('properties'),
    elements_chain: at('elements_chain'),
    props: plain.flatMap((n, i): Array<[number, string]> => (n.startsWith('properties.') && n.length > 11 ? [[i, n.slice(11)]] : [])),
  };
  const missing = REQUIRED.filter((name) => columns[name] < 0);
  if (missing.length) return `not a PostHog event export: the header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}`;
  return columns;
}

function rowToEvent(line: number, fields: string[], c: Columns): ParsedItem {
  let properties: Record<string, unknown> = {};
  if (c.properties >= 0 && fields[c.properties] !== '') {
    try {
      properties = JSON.parse(fields[c.properties]);
    } catch {
      return { line, error: 'properties: not a JSON object' };
    }
    if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) return { line, error: 'properties: not a JSON object' };
  }
  for (const [i, key] of c.props) if (fields[i] !== '') properties[key] = fields[i];
  if (c.elements_chain >= 0 && fields[c.elements_chain] !== '' && properties.$elements_chain === undefined) properties.$elements_chain = fields[c.elements_chain];
  // HogQL prints DateTimes with a space; the capture format (and Lasso's validation) wants ISO's T.
  const timestamp = fields[c.timestamp].replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
  return { line, value: { uuid: fields[c.uuid], event: fields[c.event], distinct_id: fields[c.distinct_id], timestamp, properties } };
}
