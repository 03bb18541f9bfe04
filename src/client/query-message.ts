import { EngineError } from '../queries/engine-types.ts';
import type { ClientWords } from '../i18n/client-words.ts';

/**
 * DuckDB's error message as a reader should see it. DuckDB-WASM passes some errors (the parser's)
 * as their JSON form, {"exception_type":"Parser","exception_message":"syntax error at or near
 * …\n\nLINE 1: …"}: those are shown as DuckDB's own console shows them ("Parser Error: …", with
 * the line and the caret); any other message is shown as it is.
 */
export function duckdbMessage(message: string): string {
  if (!message.startsWith('{')) return message;
  try {
    const e = JSON.parse(message) as { exception_type?: unknown; exception_message?: unknown };
    if (typeof e.exception_message !== 'string') return message;
    return typeof e.exception_type === 'string' ? `${e.exception_type} Error: ${e.exception_message}` : e.exception_message;
  } catch {
    return message;
  }
}

/**
 * What a page says when a question fails: the engine's own trouble with its advice, or DuckDB's
 * message (already made readable by the engine) after the words that say it is DuckDB's.
 */
export function queryErrorText(e: unknown, words: ClientWords, separator = '\n'): string {
  if (e instanceof EngineError) return `${words.failure[e.reason]}${separator}(${e.message})`;
  const message = e instanceof Error ? e.message : String(e);
  // The lockdown's refusals (and DuckDB's advice to install an extension, which cannot be taken) say why.
  const locked = message.startsWith('Permission Error') || /\bextension\b|configuration has been locked/.test(message);
  return `${locked ? `${words.onlyPublished}${separator}` : ''}${words.queryError}${separator}${message}`;
}
