import type { Recipe } from '../recipe.js';
import { appRecipes } from './apps.js';
import { authorizationRecipes } from './authorization.js';
import { jwtRecipes } from './jwt.js';
import { projectRecipes } from './project.js';
import { rbacRecipes } from './rbac.js';
import { settingsRecipes } from './settings.js';
import { ssoApplicationRecipes, ssoRecipes } from './sso.js';
import { userRecipes } from './user.js';

/** A recipe for every management function of the Node SDK, by its path on the client object. */
export const RECIPES: Readonly<Record<string, Recipe>> = {
  ...userRecipes,
  ...rbacRecipes,
  ...jwtRecipes,
  ...ssoRecipes,
  ...ssoApplicationRecipes,
  ...appRecipes,
  ...authorizationRecipes,
  ...settingsRecipes,
  ...projectRecipes,
};
