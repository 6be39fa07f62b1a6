import { describe, expect, it } from 'vitest';
import { parseDsl } from '../../../../src/domain/fga/dsl.js';
import { DescopeError } from '../../../../src/errors.js';
import { dsl } from './fgaTestKit.js';

/** The DSL's refusals (descope-mgmt-more.md §1.2): each a 400 E011004 naming the line, the column and what was expected. */

/** The message of the 400 a text is refused with. */
function refusal(text: string): string {
  try {
    parseDsl(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DescopeError);
    expect((error as DescopeError).code).toBe('E011004');
    expect((error as DescopeError).status).toBe(400);
    return (error as DescopeError).message;
  }
  throw new Error('the text was accepted');
}

describe('parseDsl: errors name the line, the column and what was expected', () => {
  const cases: [string, string, string][] = [
    [
      'another version',
      'model AuthZ 2.0',
      "line 1, column 13: expected '1.0' (the only version accepted), found '2.0'",
    ],
    [
      'another model name',
      'model Authz 1.0',
      "line 1, column 7: expected 'AuthZ' (the only model name accepted), found 'Authz'",
    ],
    ['no header', 'type User', "line 1, column 1: expected 'model AuthZ 1.0' on the first line"],
    ['an empty text', '', "line 1, column 1: expected 'model AuthZ 1.0' on the first line"],
    [
      'text after the header',
      'model AuthZ 1.0 x',
      "line 1, column 17: expected the end of the line, found 'x'",
    ],
    [
      'a relation before any type',
      dsl('relation owner: User'),
      "line 2, column 1: expected 'type' before the first relation",
    ],
    [
      'a missing colon',
      dsl('type A', '  relation r A'),
      "line 3, column 14: expected ':' after the relation name, found 'A'",
    ],
    ['an unknown target type', dsl('type A', '  relation r: B'), "line 3, column 15: unknown type 'B'"],
    [
      'a target set naming an unknown relation',
      dsl('type A', '  relation r: A#nope'),
      "line 3, column 15: type 'A' has no relation or permission 'nope'",
    ],
    [
      'a permission naming an unknown definition',
      dsl('type A', '  relation r: A', '  permission p: r | nope'),
      "line 4, column 21: type 'A' has no relation or permission 'nope'",
    ],
    [
      'a.b through a permission',
      dsl('type A', '  relation r: A', '  permission p: r', '  permission q: p.r'),
      "line 5, column 17: 'p' is a permission; only a relation can be followed with '.'",
    ],
    [
      'a.b whose b is missing on one target type',
      dsl(
        'type A',
        '  relation v: A',
        'type B',
        'type C',
        '  relation parent: A | B',
        '  permission p: parent.v',
      ),
      "line 7, column 24: type 'B' (a target of 'parent') has no relation or permission 'v'",
    ],
    [
      'a.b over target sets only',
      dsl('type A', '  relation m: A', '  relation r: A#m', '  permission p: r.m'),
      "line 5, column 17: relation 'r' has no plain target type to follow with '.'",
    ],
    [
      'an unclosed parenthesis',
      dsl('type A', '  relation r: A', '  permission p: (r | r'),
      "line 4, column 23: expected ')' or an operator ('|', '&', '-'), found the end of the schema",
    ],
    [
      'a dangling operator',
      dsl('type A', '  relation r: A', '  permission p: r |'),
      "line 4, column 20: expected a relation or permission name, or '(', found the end of the schema",
    ],
    [
      'two statements on a line',
      dsl('type A relation r: A'),
      "line 2, column 8: expected the end of the line, found 'relation'",
    ],
    [
      'a keyword as a name',
      dsl('type A', '  relation type: A'),
      "line 3, column 12: expected a relation name, found the keyword 'type'",
    ],
    ['a duplicate type', dsl('type A', 'type A'), "line 3, column 6: type 'A' is declared twice"],
    [
      'a duplicate definition',
      dsl('type A', '  relation r: A', '  permission r: r'),
      "line 4, column 14: 'r' is declared twice on type 'A'",
    ],
    [
      'a duplicate target type',
      dsl('type A', '  relation r: A | A'),
      "line 3, column 19: target type 'A' is listed twice",
    ],
    [
      'an unknown condition',
      dsl('type A', '  relation r: A with Foo'),
      "line 3, column 22: unknown constraint or condition 'Foo'",
    ],
    [
      'a bad with clause',
      dsl('constraint NumRange', 'type A', '  relation r: A with NumRange &'),
      'line 4, column 32: expected a constraint or condition name, found the end of the line',
    ],
    [
      'an unknown constraint kind',
      dsl('constraint X:Nope'),
      "line 2, column 14: unknown constraint kind 'Nope'; expected one of IpRange, IpList, DateExpiryEpochSeconds, StringMatchRegex, NumAtLeast, NumAtMost, NumRange, BoolCheck, GeoCountry, IntList, LabelList",
    ],
    [
      'a constraint without a kind',
      dsl('constraint Hours'),
      "line 2, column 12: unknown constraint kind 'Hours'; expected one of IpRange, IpList, DateExpiryEpochSeconds, StringMatchRegex, NumAtLeast, NumAtMost, NumRange, BoolCheck, GeoCountry, IntList, LabelList",
    ],
    [
      'NumRange with min above max',
      dsl('constraint NumRange(5, 1)'),
      'line 2, column 20: min must not exceed max',
    ],
    [
      'a wrong argument count',
      dsl('constraint NumRange(5)'),
      'line 2, column 20: NumRange takes 2 arguments (min, max), not 1',
    ],
    [
      'a wrong argument type',
      dsl('constraint NumAtLeast("x")'),
      'line 2, column 22: NumAtLeast takes number arguments, not "x"',
    ],
    [
      'a bad CIDR',
      dsl('constraint IpRange("10.0.0.0/33")'),
      'line 2, column 19: "10.0.0.0/33" is not a CIDR range',
    ],
    [
      'a reused constraint name',
      dsl('constraint NumRange', 'constraint NumRange(1, 2)'),
      "line 3, column 1: 'NumRange' is declared twice",
    ],
    [
      'a constraint after a type',
      dsl('type A', 'constraint NumRange'),
      'line 3, column 1: constraints come before the first type',
    ],
    [
      'a CEL body left open',
      dsl('condition C(x int) { x > 1'),
      "line 2, column 20: expected '}' closing the condition's expression",
    ],
    [
      'an unknown parameter type',
      dsl('condition C(x number) { x > 1 }'),
      "line 2, column 15: expected a parameter type (int, string, bool, double, list, ipaddress, uint, bytes, map, timestamp, duration), found 'number'",
    ],
    [
      'an unclosed string',
      dsl('constraint LabelList("a)'),
      "line 2, column 22: expected '\"' closing the string",
    ],
    ['a stray character', dsl('type A', '  relation r: A;'), 'line 3, column 16: unexpected character ";"'],
  ];
  for (const [name, text, message] of cases) {
    it(name, () => {
      expect(refusal(text)).toBe(`Invalid FGA schema: ${message}`);
    });
  }
});
