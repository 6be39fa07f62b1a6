import { describe, expect, it } from 'vitest';
import { clientFunctions, sdkClient } from '../../../scripts/sdk-coverage.js';
import { useMock } from '../../helpers/mock.js';
import type { Recipe, SdkAnswer } from './recipe.js';
import { RECIPES } from './recipes/index.js';

/**
 * Every management function of the official Node SDK, called with valid arguments against a real server:
 * none may answer 501 (not emulated), and none may fail. The list of functions is read off the SDK's own
 * client object, so a function a new SDK version adds fails here (it has no recipe) instead of passing
 * unseen. docs/sdk-coverage.md counts the same functions from the registry.
 */

const mock = useMock({ fixtures: new URL('./coverage.json', import.meta.url).pathname });
const sdk = mock.sdk();

/** Functions whose recipe changes what the others rely on: they run after every other. */
const RUN_LAST = ['management.project.delete'];

const managementFunctions = clientFunctions(sdkClient()).filter((path) => path.startsWith('management.'));

describe('every management function of @descope/node-sdk', () => {
  it('has a recipe, and every recipe names a function of the SDK', () => {
    expect(managementFunctions.length).toBeGreaterThan(250);
    expect(managementFunctions.filter((path) => !(path in RECIPES))).toEqual([]);
    expect(Object.keys(RECIPES).filter((path) => !managementFunctions.includes(path))).toEqual([]);
  });

  it('answers each one, called with valid arguments: no 501, no error', async () => {
    let counter = 0;
    const context = { sdk, mock, unique: (prefix: string) => `${prefix}${++counter}` };
    const ordered = [
      ...managementFunctions.filter((path) => !RUN_LAST.includes(path)),
      ...RUN_LAST.filter((path) => managementFunctions.includes(path)),
    ];
    const failures: string[] = [];
    for (const path of ordered) {
      const recipe = RECIPES[path] as Recipe | undefined;
      if (!recipe) continue;
      let answer: SdkAnswer;
      try {
        answer = await recipe(context);
      } catch (error) {
        failures.push(`${path}: threw ${(error as Error).message}`);
        continue;
      }
      if (!answer.ok) {
        const { errorCode, errorDescription, errorMessage } = answer.error ?? {};
        failures.push(`${path}: ${answer.code} ${errorCode} ${errorDescription}: ${errorMessage}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
