/**
 * CSV dialects: how a value is spelt in a file.
 *
 * The contract (§2) accepts what officers' spreadsheets actually produce, and the sample
 * exercises all of it: the plain dialect (comma, `.` decimals, ISO dates, LF) and the
 * Indonesian-Excel dialect (UTF-8 with BOM, `;`, decimal comma, `.` thousands separator,
 * `DD/MM/YYYY`, CRLF). Per the contract, the number style follows the delimiter: a `;`
 * file always uses decimal comma, a `,` or tab file never does.
 */

export interface Dialect {
  readonly name: string;
  readonly delimiter: ',' | ';' | '\t';
  readonly bom: boolean;
  readonly eol: '\n' | '\r\n';
  readonly dates: 'iso' | 'dmy-slash' | 'dmy-dash';
  /** Write `1.234` for counts ≥ 1000 (only in `;` files, where `.` is the thousands separator). */
  readonly groupThousands: boolean;
}

export const PLAIN: Dialect = { name: 'plain', delimiter: ',', bom: false, eol: '\n', dates: 'iso', groupThousands: false };

export const PLAIN_TAB: Dialect = { ...PLAIN, name: 'plain-tab', delimiter: '\t' };

/** What "CSV UTF-8" from Excel in the Indonesian locale writes. */
export const EXCEL_ID: Dialect = {
  name: 'excel-id',
  delimiter: ';',
  bom: true,
  eol: '\r\n',
  dates: 'dmy-slash',
  groupThousands: true,
};

/** A file touched by hand after export: `;` and BOM, but dates typed as DD-MM-YYYY, no grouping. */
export const EXCEL_ID_DASH: Dialect = { ...EXCEL_ID, name: 'excel-id-dash', eol: '\n', dates: 'dmy-dash', groupThousands: false };

/** A cell before formatting: blank is `undefined`, never an empty string or 0. */
export type Cell = string | number | undefined;

/**
 * How a column's values are written:
 * - `text`: codes, enumerations, NIPs, free text — written as is;
 * - `int`: small integers (year, month, age, answers) — never grouped;
 * - `count`: counts that may run into thousands — grouped in dialects that group;
 * - `dec`: decimal numbers, at most `digits` decimals, trailing zeros dropped like Excel's General format;
 * - `date`: an ISO date, rewritten in the dialect's order.
 */
export type Kind = 'text' | 'int' | 'count' | 'dec' | 'date';

export interface Column<N extends string = string> {
  readonly name: N;
  readonly kind: Kind;
  readonly digits?: number;
}

function groupInteger(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function formatNumber(value: number, digits: number, dialect: Dialect, group: boolean): string {
  let text = value.toFixed(digits);
  if (digits > 0) text = text.replace(/\.?0+$/, '');
  if (dialect.delimiter !== ';') return text;
  const [whole, fraction] = text.split('.');
  const wholeText = group && dialect.groupThousands ? groupInteger(whole) : whole;
  return fraction === undefined ? wholeText : `${wholeText},${fraction}`;
}

export function formatDate(date: string, dialect: Dialect): string {
  if (dialect.dates === 'iso') return date;
  const [y, m, d] = date.split('-');
  return dialect.dates === 'dmy-slash' ? `${d}/${m}/${y}` : `${d}-${m}-${y}`;
}

const NEEDS_QUOTES: Record<Dialect['delimiter'], RegExp> = {
  ',': /[",\r\n]/,
  ';': /[";\r\n]/,
  '\t': /["\t\r\n]/,
};

/** RFC 4180 quoting, only where needed (as Excel does). */
function quote(text: string, dialect: Dialect): string {
  return NEEDS_QUOTES[dialect.delimiter].test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCell(value: Cell, column: Column, dialect: Dialect): string {
  if (value === undefined) return '';
  switch (column.kind) {
    case 'text':
      return quote(String(value), dialect);
    case 'date':
      return formatDate(String(value), dialect);
    case 'int':
      return formatNumber(Number(value), 0, dialect, false);
    case 'count':
      return formatNumber(Number(value), 0, dialect, true);
    case 'dec':
      return formatNumber(Number(value), column.digits ?? 2, dialect, true);
  }
}

export function formatLine(values: readonly string[], dialect: Dialect): string {
  return values.join(dialect.delimiter) + dialect.eol;
}
