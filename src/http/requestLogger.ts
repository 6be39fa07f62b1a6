import type { FastifyBaseLogger } from 'fastify';

type Bindings = Parameters<FastifyBaseLogger['child']>[0];
type ChildLoggerOptions = NonNullable<Parameters<FastifyBaseLogger['child']>[1]>;

/**
 * Fastify's `childLoggerFactory` option: each request's logger (`request.log`, with the request's `reqId`)
 * is made only when the request writes a line. Fastify otherwise makes a pino child on every request, which
 * serialises its bindings at once; at the default level a request writes nothing (its `request` line is
 * debug), so that work was thrown away on nearly every call.
 */
export function lazyRequestLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  return new RequestLogger(logger, bindings, options);
}

/** A request's logger: the parent's level, and the real child from the first line written on. */
class RequestLogger implements FastifyBaseLogger {
  #child: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  private get real(): FastifyBaseLogger {
    this.#child ??= this.parent.child(this.bindings, this.options);
    return this.#child;
  }

  get level(): string {
    return this.#child?.level ?? this.options.level ?? this.parent.level;
  }

  set level(level: string) {
    this.real.level = level;
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.real.child(bindings, options);
  }

  // biome-ignore lint/suspicious/noExplicitAny: pino's LogFn takes anything after the message.
  fatal(...args: any[]): void {
    this.real.fatal(...(args as [string]));
  }

  // biome-ignore lint/suspicious/noExplicitAny: as above.
  error(...args: any[]): void {
    this.real.error(...(args as [string]));
  }

  // biome-ignore lint/suspicious/noExplicitAny: as above.
  warn(...args: any[]): void {
    this.real.warn(...(args as [string]));
  }

  // biome-ignore lint/suspicious/noExplicitAny: as above.
  info(...args: any[]): void {
    this.real.info(...(args as [string]));
  }

  // biome-ignore lint/suspicious/noExplicitAny: as above.
  debug(...args: any[]): void {
    this.real.debug(...(args as [string]));
  }

  // biome-ignore lint/suspicious/noExplicitAny: as above.
  trace(...args: any[]): void {
    this.real.trace(...(args as [string]));
  }

  silent(): void {}
}
