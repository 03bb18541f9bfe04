/** The explorer and compare pages show DuckDB's errors as its own console does (client/query-message.ts). */
import { expect, test } from 'vitest';
import { EngineError } from '../../src/queries/engine-types.ts';
import { duckdbMessage, queryErrorText } from '../../src/client/query-message.ts';
import { clientWords } from '../../src/i18n/client-words.ts';

test('a parser error passed as JSON reads as DuckDB prints it, line breaks and caret kept', () => {
  const raw = JSON.stringify({
    exception_type: 'Parser',
    exception_message: 'syntax error at or near "SELEC"\n\nLINE 1: SELEC kode_wilayah FROM ikm_wilayah\n        ^',
    position: '0',
    error_subtype: 'SYNTAX_ERROR',
  });
  expect(duckdbMessage(raw)).toBe(
    'Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC kode_wilayah FROM ikm_wilayah\n        ^',
  );
});

test('any other message is shown as it is', () => {
  const binder = 'Binder Error: Referenced column "jumlah" not found in FROM clause!';
  expect(duckdbMessage(binder)).toBe(binder);
  expect(duckdbMessage('{not json')).toBe('{not json');
  expect(duckdbMessage('{"other":1}')).toBe('{"other":1}');
});

test('a page says whose trouble it is: the engine’s, with its advice, or DuckDB’s', () => {
  const words = clientWords('en');
  expect(queryErrorText(new EngineError('mime', 'application/octet-stream'), words)).toBe(
    `${words.failure.mime}\n(application/octet-stream)`,
  );
  expect(queryErrorText(new Error('Binder Error: x'), words, ' ')).toBe(`${words.queryError} Binder Error: x`);
});

test('a refusal of the lockdown says that only the published tables can be read', () => {
  const words = clientWords('id');
  for (const message of [
    'Permission Error: Cannot access file "http://127.0.0.1:9/a.csv" - file system operations are disabled by configuration',
    'Invalid Input Error: Cannot change configuration option "enable_external_access" - the configuration has been locked',
    'Catalog Error: Table Function with name "read_parquet" is not in the catalog, but it exists in the parquet extension.',
  ]) {
    expect(queryErrorText(new Error(message), words)).toBe(`${words.onlyPublished}\n${words.queryError}\n${message}`);
  }
  expect(queryErrorText(new Error('Binder Error: x'), words)).not.toContain(words.onlyPublished);
});
