import type { Reason } from '../messages.ts';
import { say } from '../messages.ts';
import type { RecordField } from './record.ts';
import { RECORD_FIELDS } from './record.ts';

/** Which source column holds each record field. */
export type FieldMap = Partial<Record<RecordField, string>>;

/**
 * Usual headers, English and Chinese, in order of preference. `date` also
 * yields the year when there is no year column.
 */
const KNOWN_HEADERS: Record<RecordField, readonly string[]> = {
  id: ['id', '编号', '序号', '建议编号', '留言编号', '案号', '提案号'],
  title: ['title', 'subject', '标题', '主题', '案由', '留言主题', '建议标题'],
  text: ['text', 'content', 'body', 'detail', '内容', '正文', '详情', '留言详情', '建议内容'],
  category: ['category', 'label', '类别', '分类', '一级分类', '领域', '类型'],
  year: ['year', '年份', '年度'],
  session: ['session', '届次', '会次'],
  date: ['date', 'time', '日期', '时间', '留言时间', '提出时间'],
  unit: ['unit', '承办单位', '主办单位'],
  result: ['result', '办理结果'],
  disclosed: ['disclosed', '是否公开', '公开'],
};

function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** A `--map` that cannot be read, with the reason in both languages. */
export class FieldMapError extends Error {
  readonly said: Reason;
  constructor(said: Reason) {
    super(said.reason);
    this.said = said;
  }
}

/**
 * Parse `field=column,field=column` as given to `--map`. Throws a FieldMapError
 * on an unknown field name, which the CLI reports as a usage error.
 */
export function parseFieldMap(spec: string): FieldMap {
  const map: FieldMap = {};
  for (const pair of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new FieldMapError(say('cli/map-pair', { pair }));
    const field = pair.slice(0, eq).trim();
    const column = pair.slice(eq + 1).trim();
    if (!(RECORD_FIELDS as readonly string[]).includes(field)) {
      throw new FieldMapError(say('cli/map-unknown-field', { field, fields: RECORD_FIELDS.join(', ') }));
    }
    if (field in map) throw new FieldMapError(say('cli/map-twice', { field, first: map[field as RecordField]!, second: column }));
    map[field as RecordField] = column;
  }
  return map;
}

/**
 * Resolve each field to a header of this file: the explicit map first, then
 * the usual headers. Returns the header per field and which explicit
 * mappings name a column the file lacks.
 */
export function resolveFieldMap(headers: readonly string[], explicit: FieldMap): { columns: FieldMap; missing: string[] } {
  const byNorm = new Map<string, string>();
  for (const h of headers) if (!byNorm.has(normaliseHeader(h))) byNorm.set(normaliseHeader(h), h);
  const columns: FieldMap = {};
  const missing: string[] = [];
  const taken = new Set<string>();
  for (const field of RECORD_FIELDS) {
    const want = explicit[field];
    if (want === undefined) continue;
    const found = byNorm.get(normaliseHeader(want));
    if (found === undefined) missing.push(`${field}=${want}`);
    else {
      columns[field] = found;
      taken.add(found);
    }
  }
  for (const field of RECORD_FIELDS) {
    if (explicit[field] !== undefined) continue;
    for (const alias of KNOWN_HEADERS[field]) {
      const found = byNorm.get(normaliseHeader(alias));
      if (found !== undefined && !taken.has(found)) {
        columns[field] = found;
        taken.add(found);
        break;
      }
    }
  }
  return { columns, missing };
}
