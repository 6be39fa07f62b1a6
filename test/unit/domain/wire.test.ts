import { describe, expect, it } from 'vitest';
import { blankUser } from '../../../src/domain/user.js';
import { permissionsOf, toWireUser } from '../../../src/domain/wire.js';
import { UserSchema } from '../../../src/schemas/user.js';
import { USER_FIELDS } from '../../helpers/user.js';
import { plainCatalog } from './plainCatalog.js';

const catalog = plainCatalog();

describe('toWireUser', () => {
  it('emits exactly the fields of Descope’s user object, in its order, valid against UserSchema', () => {
    const wire = toWireUser(blankUser('x', 1_000_000), catalog);
    expect(Object.keys(wire)).toEqual([...USER_FIELDS]);
    expect(UserSchema.parse(wire)).toEqual(wire);
    expect(wire).not.toHaveProperty('modifiedTime');
    expect(wire.createdTime).toBe(1000);
  });

  it('derives externalIds, permissions and each membership’s tenant name and permissions', () => {
    const user = {
      ...blankUser('a', 0),
      loginIds: ['a', 'b'],
      roleNames: ['Editor', 'Viewer', 'Deleted Role'],
      userTenants: [
        { tenantId: 'T2Acme', roleNames: ['Approver', 'Viewer'] },
        { tenantId: 'T2Gone', roleNames: [] },
      ],
    };
    const wire = toWireUser(user, catalog);
    expect(wire.externalIds).toEqual(['a', 'b']);
    expect(wire.permissions).toEqual(['Read Reports', 'User Admin']);
    expect(wire.userTenants).toEqual([
      {
        tenantId: 'T2Acme',
        tenantName: 'Acme',
        roleNames: ['Approver', 'Viewer'],
        permissions: ['Impersonate', 'Read Reports'],
      },
      { tenantId: 'T2Gone', tenantName: '', roleNames: [], permissions: [] },
    ]);
  });
});

describe('permissionsOf', () => {
  it('is the union of the roles’ permissions in role order; a tenant sees its own roles first', () => {
    expect(permissionsOf(['Tenant Admin', 'Editor'], catalog)).toEqual([
      'SSO Admin',
      'User Admin',
      'Impersonate',
      'Read Reports',
    ]);
    expect(permissionsOf(['Approver'], catalog)).toEqual([]);
    expect(permissionsOf(['Approver'], catalog, 'T2Acme')).toEqual(['Impersonate']);
  });
});
