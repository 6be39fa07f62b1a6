import { invalid } from '../../errors.js';

/**
 * The tokens of `model AuthZ 1.0` (descope-mgmt-more.md §1.2). Statements end at a line break, so line breaks
 * are tokens; two spans are read raw instead of tokenised: a `with` condition (to the end of its line) and a
 * custom condition's CEL body (between balanced braces).
 */

export type TokenKind = 'ident' | 'number' | 'string' | 'punct' | 'newline' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The text: an identifier, a number's digits, a string's decoded value, one punctuation character. */
  text: string;
  line: number;
  column: number;
}

const PUNCT = ':|&-.#(),!{}';

/** Where a DSL error is; every message the parser throws starts with it. */
export function dslError(line: number, column: number, message: string): Error {
  return invalid(`Invalid FGA schema: line ${line}, column ${column}: ${message}`);
}

/** How a token reads in an error message. */
export function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'the end of the schema';
    case 'newline':
      return 'the end of the line';
    case 'string':
      return JSON.stringify(token.text);
    default:
      return `'${token.text}'`;
  }
}

const isIdentStart = (c: string): boolean => /[A-Za-z_]/.test(c);
const isIdentPart = (c: string): boolean => /[A-Za-z0-9_]/.test(c);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

export class Lexer {
  private pos = 0;
  private line = 1;
  private column = 1;
  /** Tokens read ahead by `peek`. */
  private readonly ahead: Token[] = [];

  constructor(private readonly text: string) {}

  peek(k = 0): Token {
    while (this.ahead.length <= k) this.ahead.push(this.read());
    return this.ahead[k] as Token;
  }

  next(): Token {
    return this.ahead.shift() ?? this.read();
  }

  /** The raw text up to the end of the line (a `with` condition), with where it starts. */
  restOfLine(): { text: string; line: number; column: number } {
    this.mustNotHaveLookahead();
    this.skipBlanks();
    const start = { line: this.line, column: this.column };
    let end = this.text.indexOf('\n', this.pos);
    if (end < 0) end = this.text.length;
    const raw = this.text.slice(this.pos, end).replace(/\r$/, '');
    this.advanceTo(end);
    return { text: raw.trimEnd(), ...start };
  }

  /** The raw text up to the brace that closes the one just read (a CEL body), the closing brace consumed. */
  bracedBody(open: Token): string {
    this.mustNotHaveLookahead();
    const start = this.pos;
    let depth = 1;
    let quote = '';
    for (let i = this.pos; i < this.text.length; i++) {
      const c = this.text[i] as string;
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        const body = this.text.slice(start, i).trim();
        this.advanceTo(i + 1);
        return body;
      }
    }
    throw dslError(open.line, open.column, "expected '}' closing the condition's expression");
  }

  private mustNotHaveLookahead(): void {
    if (this.ahead.length > 0) throw new Error('dsl lexer: raw read after a peek');
  }

  private advanceTo(end: number): void {
    while (this.pos < end) {
      if (this.text[this.pos] === '\n') {
        this.line++;
        this.column = 1;
      } else this.column++;
      this.pos++;
    }
  }

  private skipBlanks(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c !== ' ' && c !== '\t' && c !== '\r') return;
      this.pos++;
      this.column++;
    }
  }

  private read(): Token {
    this.skipBlanks();
    const line = this.line;
    const column = this.column;
    if (this.pos >= this.text.length) return { kind: 'eof', text: '', line, column };
    const c = this.text[this.pos] as string;
    if (c === '\n') {
      this.advanceTo(this.pos + 1);
      return { kind: 'newline', text: '\n', line, column };
    }
    if (isIdentStart(c)) return { kind: 'ident', text: this.take(isIdentPart), line, column };
    if (isDigit(c)) {
      let digits = this.take(isDigit);
      if (this.text[this.pos] === '.' && isDigit(this.text[this.pos + 1] ?? '')) {
        this.advanceTo(this.pos + 1);
        digits += `.${this.take(isDigit)}`;
      }
      return { kind: 'number', text: digits, line, column };
    }
    if (c === '"') return { kind: 'string', text: this.readString(line, column), line, column };
    if (PUNCT.includes(c)) {
      this.advanceTo(this.pos + 1);
      return { kind: 'punct', text: c, line, column };
    }
    throw dslError(line, column, `unexpected character ${JSON.stringify(c)}`);
  }

  private take(accept: (c: string) => boolean): string {
    const start = this.pos;
    let end = start;
    while (end < this.text.length && accept(this.text[end] as string)) end++;
    this.advanceTo(end);
    return this.text.slice(start, end);
  }

  private readString(line: number, column: number): string {
    let value = '';
    for (let i = this.pos + 1; i < this.text.length; i++) {
      const c = this.text[i] as string;
      if (c === '\n') break;
      if (c === '"') {
        this.advanceTo(i + 1);
        return value;
      }
      if (c === '\\' && i + 1 < this.text.length) {
        i++;
        value += this.text[i];
      } else value += c;
    }
    throw dslError(line, column, "expected '\"' closing the string");
  }
}
