import type { Sdk, TestMock } from '../../helpers/mock.js';

/** What a recipe gets: the SDK client of the test project, the running mock, and fresh names. */
export interface RecipeContext {
  sdk: Sdk;
  mock: TestMock;
  /** A name no other recipe uses: `prefix` and a counter. */
  unique(prefix: string): string;
}

/** The answer every SDK management function gives: `ok`, the HTTP `code`, and the error body. */
export interface SdkAnswer {
  ok: boolean;
  code?: number;
  error?: { errorCode?: string; errorDescription?: string; errorMessage?: string };
}

/**
 * One management function called with valid arguments, after whatever it needs exists (made by the recipe
 * itself, so recipes run in any order). It answers the SDK response of that one call.
 */
export type Recipe = (context: RecipeContext) => Promise<SdkAnswer>;

/** The answer of a setup call, or a thrown error naming it: a recipe whose setup fails proves nothing. */
export function must<T extends SdkAnswer>(answer: T, what: string): T & { data?: unknown } {
  if (!answer.ok) {
    throw new Error(`setup call ${what} failed: ${answer.code} ${JSON.stringify(answer.error)}`);
  }
  return answer;
}
