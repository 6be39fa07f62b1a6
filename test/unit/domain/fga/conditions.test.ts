import { describe, expect, it } from 'vitest';
import { checkTuple } from '../../../../src/domain/fga/check.js';
import { parseDsl } from '../../../../src/domain/fga/dsl.js';
import { memoryRelations } from '../../../helpers/memoryRelations.js';
import { dsl, tuple, tuples } from './fgaTestKit.js';

/** `with` clauses at check time (descope-mgmt-more.md §1.3 "Conditions"): built-ins run, CEL does not. */

const schema = parseDsl(
  dsl(
    'constraint Adult:NumAtLeast(18)',
    'constraint Small:NumAtMost(10)',
    'constraint Shift:NumRange(32400, 61200)',
    'constraint NumRange',
    'constraint Office:IpRange("10.0.0.0/8")',
    'constraint V6:IpRange("2001:db8::/32")',
    'constraint Listed:IpList("1.2.3.4", "::1")',
    'constraint Expiry:DateExpiryEpochSeconds(2000)',
    'constraint Admin:StringMatchRegex("^admin_")',
    'constraint Flag:BoolCheck(true)',
    'constraint FiveEyes:GeoCountry("US","GB")',
    'constraint Sanction:GeoCountry("KP")',
    'constraint Lucky:IntList(3, 7)',
    'constraint Tagged:LabelList("gold")',
    'condition InNet(ip ipaddress, r string) { ip.in_cidr(r) }',
    'type user',
    'type doc',
    '  relation adult: user with Adult',
    '  relation small: user with Small',
    '  relation shift: user with Shift',
    '  relation ranged: user with NumRange',
    '  relation office: user with Office | V6',
    '  relation listed: user with Listed',
    '  relation fresh: user with Expiry',
    '  relation admin: user with Admin',
    '  relation flag: user with Flag',
    '  relation geo: user with FiveEyes & !Sanction',
    '  relation lucky: user with Lucky',
    '  relation tagged: user with Tagged',
    '  relation net: user with InNet',
    '  relation owner: user',
    '  relation banned: user with Adult',
    '  relation parent: doc with Flag',
    '  permission inherited: parent.owner',
    '  permission view: owner with Flag',
    '  permission nested: view with Small',
    '  permission open: owner - banned',
    '  permission either: adult | owner',
  ),
);
const relations = [
  'adult',
  'small',
  'shift',
  'ranged',
  'office',
  'listed',
  'fresh',
  'admin',
  'flag',
  'geo',
  'lucky',
  'tagged',
  'net',
  'owner',
  'banned',
];
const source = memoryRelations(
  tuples([...relations.map((r) => `doc:d1#${r}@user:ann`), 'doc:d2#parent@doc:d1']),
);
const check = (relation: string, context?: Record<string, unknown>) =>
  checkTuple(schema, source, tuple(`doc:d1#${relation}@user:ann`), context);

describe('built-in constraints with fixed arguments', () => {
  const table: [string, Record<string, unknown>, boolean][] = [
    ['adult', { num: 18 }, true],
    ['adult', { num: '17.5' }, false],
    ['small', { num: 10 }, true],
    ['small', { num: 11 }, false],
    ['shift', { num: 32400 }, true],
    ['shift', { num: 61201 }, false],
    ['office', { ip: '10.1.2.3' }, true],
    ['office', { ip: '11.1.2.3' }, false],
    ['office', { ip: '2001:db8:1::5' }, true],
    ['office', { ip: 'not an ip' }, false],
    ['listed', { ip: '1.2.3.4' }, true],
    ['listed', { ip: '0:0:0:0:0:0:0:1' }, true],
    ['listed', { ip: '1.2.3.5' }, false],
    ['fresh', { now_epoch_seconds: 1999 }, true],
    ['fresh', { now_epoch_seconds: 2000 }, false],
    ['admin', { str: 'admin_ann' }, true],
    ['admin', { str: 'ann' }, false],
    ['flag', { bool: true }, true],
    ['flag', { bool: false }, false],
    ['geo', { country_code: 'us' }, true],
    ['geo', { country_code: 'KP' }, false],
    ['geo', { country_code: 'FR' }, false],
    ['lucky', { int: 7 }, true],
    ['lucky', { int: 8 }, false],
    ['tagged', { label: 'gold' }, true],
    ['tagged', { label: 'silver' }, false],
  ];
  for (const [relation, context, allowed] of table) {
    it(`${relation} with ${JSON.stringify(context)}: ${allowed ? 'allowed' : 'denied'}`, () => {
      expect(check(relation, context)).toEqual({ allowed, info: { direct: false } });
    });
  }
});

describe('constraints without arguments read their parameters from the context', () => {
  it('NumRange: num, min and max', () => {
    expect(check('ranged', { num: 5, min: 1, max: 9 }).allowed).toBe(true);
    expect(check('ranged', { num: 10, min: 1, max: 9 }).allowed).toBe(false);
  });

  it('missing parameters: allowed:false with every missing name', () => {
    expect(check('ranged', { num: 5 })).toEqual({
      allowed: false,
      info: { direct: false, missingContext: ['max', 'min'] },
    });
    expect(check('adult')).toEqual({ allowed: false, info: { direct: false, missingContext: ['num'] } });
  });

  it('a missing parameter in a branch that does not decide the answer is not reported', () => {
    expect(check('geo', { country_code: 'FR' }).info).toEqual({ direct: false });
    expect(check('either')).toEqual({ allowed: true, info: { direct: false } });
  });
});

describe('clauses on permissions, stacked, and under exclusion', () => {
  it('a permission’s clause gates it; nested clauses stack', () => {
    expect(check('view', { bool: true }).allowed).toBe(true);
    expect(check('view', { bool: false }).allowed).toBe(false);
    expect(check('nested', { bool: true, num: 3 }).allowed).toBe(true);
    expect(check('nested', { bool: true, num: 30 }).allowed).toBe(false);
    expect(check('nested', { num: 3 }).info.missingContext).toEqual(['bool']);
  });

  it('a relation followed by a.b counts only where its own clause holds', () => {
    const inherited = (context?: Record<string, unknown>) =>
      checkTuple(schema, source, tuple('doc:d2#inherited@user:ann'), context);
    expect(inherited({ bool: true }).allowed).toBe(true);
    expect(inherited({ bool: false }).allowed).toBe(false);
    expect(inherited().info.missingContext).toEqual(['bool']);
  });

  it('an undecided clause never grants access through an exclusion', () => {
    expect(check('open', { num: 10 }).allowed).toBe(true);
    expect(check('open', { num: 30 }).allowed).toBe(false);
    expect(check('open')).toEqual({ allowed: false, info: { direct: false, missingContext: ['num'] } });
  });
});

describe('custom CEL conditions', () => {
  it('answer allowed:false, conditional, with the reason', () => {
    expect(check('net', { ip: '10.0.0.1', r: '10.0.0.0/8' })).toEqual({
      allowed: false,
      info: {
        direct: false,
        conditional: true,
        conditionalErr: "condition 'InNet' is a custom CEL expression, which the mock does not evaluate",
      },
    });
  });
});
