/**
 * Whether a shared link's SQL is a plain read of the published tables, and so may run as the
 * page opens; anything else waits, shown in the box, for the reader to press Run. The engine is
 * locked to the site's files either way (duckdb.ts): this decides only whether a stranger's link
 * acts before its reader has seen it.
 *
 * Judged on DuckDB's own tokens (its tokenizer, so strings, quoted names and comments split as
 * DuckDB splits them), not on its parse tree: json_serialize_sql lives in the json extension,
 * which DuckDB-WASM would fetch from the internet. Plain means: one statement, starting with
 * SELECT, WITH or FROM; no keyword of another statement; no table function (read_csv, glob…:
 * the engine lists them), nor any call where a table goes; no file named where a table goes
 * (FROM 'x.csv', FROM "x.csv").
 * A false "not plain" costs the reader one click.
 */

/** DuckDB-WASM's ScriptTokens: where each token starts, and its kind. */
export interface SqlTokens {
  offsets: readonly number[];
  types: readonly number[];
}

/** DuckDB-WASM's TokenType. */
const IDENTIFIER = 0;
const STRING = 2;
const KEYWORD = 4;
const COMMENT = 5;

const STARTS = new Set(['select', 'with', 'from']);
/** Words that start or change something other than a read, wherever they stand. */
const OTHER_STATEMENTS = new Set(
  'insert update delete merge create drop alter attach detach copy install load set reset pragma export import call execute prepare vacuum checkpoint use truncate begin commit rollback'.split(
    ' ',
  ),
);
/** Words after which a comma still lists tables (`FROM a, b`), and words that end that list. */
const TABLE_LIST = new Set(['from', 'join']);
const OTHER_CLAUSE = new Set([
  'select',
  'where',
  'group',
  'having',
  'order',
  'limit',
  'offset',
  'on',
  'using',
  'window',
  'qualify',
  'union',
  'except',
  'intersect',
]);

interface Token {
  type: number;
  text: string;
  /** Lower case, unquoted: how DuckDB resolves a name. */
  word: string;
}

function tokensOf(sql: string, tokens: SqlTokens): Token[] {
  const out: Token[] = [];
  tokens.offsets.forEach((start, i) => {
    const type = tokens.types[i];
    if (type === COMMENT) return;
    // A token runs to the next one's start, less the space (and any comment) before it.
    const rest = sql.slice(start, tokens.offsets[i + 1] ?? sql.length);
    const text =
      (type === IDENTIFIER || type === KEYWORD ? /^("(?:[^"]|"")*"|[^\s(),;.]+)/ : type === STRING ? /^('(?:[^']|'')*'?)/ : /^(\S)/).exec(
        rest,
      )?.[1] ?? rest.trim();
    out.push({ type, text, word: text.startsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text.toLowerCase() });
  });
  return out;
}

export function isPlainRead(sql: string, tokens: SqlTokens, tableFunctions: ReadonlySet<string>): boolean {
  const all = tokensOf(sql, tokens);
  // One statement: semicolons only at the end.
  let end = all.length;
  while (end > 0 && all[end - 1].text === ';') end--;
  const list = all.slice(0, end);
  if (list.length === 0 || list[0].type !== KEYWORD || !STARTS.has(list[0].word)) return false;
  // The clause each bracket depth is in, so that `FROM a, 'x.csv'` is seen and `SELECT a, 'x'` is not.
  const clause: string[] = [''];
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    const next = list[i + 1];
    if (t.text === ';') return false;
    if (t.text === '(') clause.push('');
    if (t.text === ')' && clause.length > 1) clause.pop();
    const depth = clause.length - 1;
    if (t.type === KEYWORD && OTHER_STATEMENTS.has(t.word)) return false;
    if ((t.type === IDENTIFIER || t.type === KEYWORD) && next?.text === '(' && tableFunctions.has(t.word)) return false;
    if (t.type === KEYWORD && TABLE_LIST.has(t.word)) clause[depth] = 'tables';
    else if (t.type === KEYWORD && OTHER_CLAUSE.has(t.word)) clause[depth] = '';
    const tablePlace = (t.type === KEYWORD && TABLE_LIST.has(t.word)) || (t.text === ',' && clause[depth] === 'tables');
    if (tablePlace && next && (next.type === STRING || (next.type === IDENTIFIER && next.text.startsWith('"') && /[./:*]/.test(next.word))))
      return false;
    // A call where a table goes, even one this DuckDB lacks (read_parquet before its extension).
    if (tablePlace && (next?.type === IDENTIFIER || next?.type === KEYWORD) && list[i + 2]?.text === '(') return false;
  }
  return true;
}
