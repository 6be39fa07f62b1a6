import type { Recipe, RecipeContext } from '../recipe.js';
import { must } from '../recipe.js';

type Sdk = RecipeContext['sdk'];
type Unique = RecipeContext['unique'];

async function list(sdk: Sdk, unique: Unique, type: 'ips' | 'texts'): Promise<string> {
  const data = type === 'ips' ? ['10.0.0.0/8'] : ['alpha'];
  const created = must(await sdk.management.list.create({ name: unique('list'), type, data }), 'list.create');
  return (created.data as { id: string }).id;
}

async function template(sdk: Sdk, unique: Unique): Promise<string> {
  const created = must(
    await sdk.management.jwtTemplate.create({
      name: unique('template'),
      type: 'user',
      template: { plan: 'free' },
    }),
    'jwtTemplate.create',
  );
  return (created.data as { id: string }).id;
}

async function libraryEntry(sdk: Sdk): Promise<string> {
  const entries = must(await sdk.management.jwtTemplate.listLibrary(), 'jwtTemplate.listLibrary');
  return (entries.data as { id: string }[])[0]?.id as string;
}

async function managementKey(sdk: Sdk, unique: Unique): Promise<string> {
  const created = must(await sdk.management.managementKey.create(unique('mkey'), {}), 'managementKey.create');
  return (created.data as { key: { id: string } }).key.id;
}

async function descoper(sdk: Sdk, unique: Unique): Promise<string> {
  const loginId = `${unique('descoper')}@example.com`;
  const created = must(
    await sdk.management.descoper.create([{ loginId, attributes: { displayName: 'D', email: loginId } }]),
    'descoper.create',
  );
  return (created.data as { descopers: { id: string }[] }).descopers[0]?.id as string;
}

async function engine(sdk: Sdk, unique: Unique): Promise<string> {
  const created = must(await sdk.management.engine.create(unique('engine')), 'engine.create');
  return (created.data as { id: string }).id;
}

/** Lists, JWT templates, scope-claim mappings, management keys, descopers and engines. */
export const settingsRecipes: Record<string, Recipe> = {
  'management.list.create': ({ sdk, unique }) =>
    sdk.management.list.create({ name: unique('list'), type: 'texts', data: ['a'] }),
  'management.list.update': async ({ sdk, unique }) =>
    sdk.management.list.update(await list(sdk, unique, 'texts'), {
      name: unique('list'),
      type: 'texts',
      data: ['b'],
    }),
  'management.list.delete': async ({ sdk, unique }) =>
    sdk.management.list.delete(await list(sdk, unique, 'texts')),
  'management.list.load': async ({ sdk, unique }) =>
    sdk.management.list.load(await list(sdk, unique, 'texts')),
  'management.list.loadByName': async ({ sdk, unique }) => {
    const name = unique('list');
    must(await sdk.management.list.create({ name, type: 'texts' }), 'list.create');
    return sdk.management.list.loadByName(name);
  },
  'management.list.loadAll': ({ sdk }) => sdk.management.list.loadAll(),
  'management.list.import': ({ sdk, unique }) =>
    sdk.management.list.import([
      { id: '', name: unique('list'), description: '', type: 'ips', data: ['10.1.0.0/16'] },
    ]),
  'management.list.addIPs': async ({ sdk, unique }) =>
    sdk.management.list.addIPs(await list(sdk, unique, 'ips'), ['192.0.2.1']),
  'management.list.removeIPs': async ({ sdk, unique }) =>
    sdk.management.list.removeIPs(await list(sdk, unique, 'ips'), ['10.0.0.0/8']),
  'management.list.checkIP': async ({ sdk, unique }) =>
    sdk.management.list.checkIP(await list(sdk, unique, 'ips'), '10.1.2.3'),
  'management.list.addTexts': async ({ sdk, unique }) =>
    sdk.management.list.addTexts(await list(sdk, unique, 'texts'), ['beta']),
  'management.list.removeTexts': async ({ sdk, unique }) =>
    sdk.management.list.removeTexts(await list(sdk, unique, 'texts'), ['alpha']),
  'management.list.checkText': async ({ sdk, unique }) =>
    sdk.management.list.checkText(await list(sdk, unique, 'texts'), 'alpha'),
  'management.list.clear': async ({ sdk, unique }) =>
    sdk.management.list.clear(await list(sdk, unique, 'texts')),

  'management.jwtTemplate.create': ({ sdk, unique }) =>
    sdk.management.jwtTemplate.create({ name: unique('template'), type: 'user', template: { plan: 'free' } }),
  'management.jwtTemplate.update': async ({ sdk, unique }) =>
    sdk.management.jwtTemplate.update({
      id: await template(sdk, unique),
      name: unique('template'),
      type: 'user',
      template: { plan: 'pro' },
    }),
  'management.jwtTemplate.delete': async ({ sdk, unique }) =>
    sdk.management.jwtTemplate.delete(await template(sdk, unique)),
  'management.jwtTemplate.list': ({ sdk }) => sdk.management.jwtTemplate.list(),
  'management.jwtTemplate.load': async ({ sdk, unique }) =>
    sdk.management.jwtTemplate.load(await template(sdk, unique)),
  'management.jwtTemplate.validate': async ({ sdk, unique }) =>
    sdk.management.jwtTemplate.validate(await template(sdk, unique)),
  'management.jwtTemplate.listLibrary': ({ sdk }) => sdk.management.jwtTemplate.listLibrary(),
  'management.jwtTemplate.loadLibraryEntry': async ({ sdk }) =>
    sdk.management.jwtTemplate.loadLibraryEntry(await libraryEntry(sdk)),
  'management.jwtTemplate.applyFromLibrary': async ({ sdk, unique }) =>
    sdk.management.jwtTemplate.applyFromLibrary({
      libraryEntryId: await libraryEntry(sdk),
      nameOverride: unique('t'),
    }),

  'management.scopeClaimMapping.get': ({ sdk }) => sdk.management.scopeClaimMapping.get(),
  'management.scopeClaimMapping.set': ({ sdk }) =>
    sdk.management.scopeClaimMapping.set([{ scope: 'profile', claims: { nickname: 'nickname' } }]),
  'management.scopeClaimMapping.delete': ({ sdk }) => sdk.management.scopeClaimMapping.delete(),

  'management.managementKey.create': ({ sdk, unique }) =>
    sdk.management.managementKey.create(unique('mkey'), {}),
  'management.managementKey.update': async ({ sdk, unique }) =>
    sdk.management.managementKey.update(
      await managementKey(sdk, unique),
      unique('mkey'),
      'updated',
      'inactive',
    ),
  'management.managementKey.delete': async ({ sdk, unique }) =>
    sdk.management.managementKey.delete([await managementKey(sdk, unique)]),
  'management.managementKey.load': async ({ sdk, unique }) =>
    sdk.management.managementKey.load(await managementKey(sdk, unique)),
  'management.managementKey.search': ({ sdk }) => sdk.management.managementKey.search(),

  'management.descoper.create': ({ sdk, unique }) =>
    sdk.management.descoper.create([{ loginId: `${unique('descoper')}@example.com` }]),
  'management.descoper.update': async ({ sdk, unique }) =>
    sdk.management.descoper.update(await descoper(sdk, unique), { displayName: 'Renamed' }),
  'management.descoper.load': async ({ sdk, unique }) =>
    sdk.management.descoper.load(await descoper(sdk, unique)),
  'management.descoper.delete': async ({ sdk, unique }) =>
    sdk.management.descoper.delete(await descoper(sdk, unique)),
  'management.descoper.list': ({ sdk }) => sdk.management.descoper.list(),

  'management.engine.create': ({ sdk, unique }) => sdk.management.engine.create(unique('engine')),
  'management.engine.update': async ({ sdk, unique }) =>
    sdk.management.engine.update(await engine(sdk, unique), unique('engine')),
  'management.engine.delete': async ({ sdk, unique }) =>
    sdk.management.engine.delete(await engine(sdk, unique)),
  'management.engine.load': async ({ sdk, unique }) => sdk.management.engine.load(await engine(sdk, unique)),
  'management.engine.loadAll': ({ sdk }) => sdk.management.engine.loadAll(),
  'management.engine.rotateSecret': async ({ sdk, unique }) =>
    sdk.management.engine.rotateSecret(await engine(sdk, unique)),
};
