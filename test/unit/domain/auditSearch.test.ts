import { describe, expect, it } from 'vitest';
import { AUDIT_WINDOW_MS, type AuditRecord } from '../../../src/domain/audit.js';
import { type AuditQuery, auditRange, matchesAudit, pageAudits } from '../../../src/domain/auditSearch.js';

/** audit/search's filters (§5): AND between filters, OR within one; paging after counting. */
const record = (fields: Partial<AuditRecord>): AuditRecord => ({
  ID: 'A',
  projectId: 'P2',
  userId: 'U1',
  action: 'UserCreated',
  occurred: 0,
  device: 'Desktop',
  method: 'OTP',
  geo: 'IL',
  remoteAddress: '10.0.0.1',
  externalIds: ['ada@example.com'],
  tenants: ['T1'],
  data: { note: 'Hello World' },
  type: 'info',
  actorId: 'K2abc',
  ...fields,
});

describe('matchesAudit', () => {
  const base = record({});
  it.each<[string, AuditQuery, boolean]>([
    ['no filter', {}, true],
    ['userIds, one of', { userIds: ['U2', 'U1'] }, true],
    ['userIds, none', { userIds: ['U2'] }, false],
    ['actions', { actions: ['UserCreated'] }, true],
    ['actions, none', { actions: ['UserDeleted'] }, false],
    ['excludedActions', { excludedActions: ['UserCreated'] }, false],
    ['excludedActions, another', { excludedActions: ['UserDeleted'] }, true],
    ['devices', { devices: ['Mobile'] }, false],
    ['methods', { methods: ['OTP', 'Password'] }, true],
    ['geos', { geos: ['US'] }, false],
    ['remoteAddresses', { remoteAddresses: ['10.0.0.1'] }, true],
    ['externalIds', { externalIds: ['bob@example.com', 'ada@example.com'] }, true],
    ['externalIds, none', { externalIds: ['bob@example.com'] }, false],
    ['tenants', { tenants: ['T1'] }, true],
    ['tenants, none', { tenants: ['T2'] }, false],
    ['actorIds', { actorIds: ['K2abc'] }, true],
    ['actorIds, none', { actorIds: ['U1'] }, false],
    ['text, any field, any case', { text: 'hello world' }, true],
    ['text, no field', { text: 'absent' }, false],
    ['AND between filters', { actions: ['UserCreated'], userIds: ['U2'] }, false],
  ])('%s', (_name, query, expected) => {
    expect(matchesAudit(base, query)).toBe(expected);
  });

  it('noTenants adds the records without a tenant to a tenants filter', () => {
    const bare = record({ tenants: [] });
    expect(matchesAudit(bare, { tenants: ['T1'] })).toBe(false);
    expect(matchesAudit(bare, { tenants: ['T1'], noTenants: true })).toBe(true);
    expect(matchesAudit(record({ tenants: ['T2'] }), { tenants: ['T1'], noTenants: true })).toBe(false);
  });
});

describe('pageAudits and auditRange', () => {
  const records = Array.from({ length: 25 }, (_, n) => record({ ID: `A${24 - n}` }));

  it('pages newest first, counting every match before paging', () => {
    const page = pageAudits(records, { size: 10, page: 2 });
    expect(page.total).toBe(25);
    expect(page.audits.map((audit) => audit.ID)).toEqual(['A4', 'A3', 'A2', 'A1', 'A0']);
    expect(pageAudits(records, { size: 3, oldestFirst: true }).audits.map((a) => a.ID)).toEqual([
      'A0',
      'A1',
      'A2',
    ]);
  });

  it('defaults size to 1000 and caps it there', () => {
    const many = Array.from({ length: 1_200 }, () => record({}));
    expect(pageAudits(many, {}).audits).toHaveLength(1_000);
    expect(pageAudits(many, { size: 5_000 }).audits).toHaveLength(1_000);
    expect(pageAudits(many, { size: 5_000 }).total).toBe(1_200);
  });

  it('clamps from to the last 30 days; ≤ 0 is unset', () => {
    const now = 100 * 24 * 60 * 60 * 1000;
    expect(auditRange({}, now).from).toBe(now - AUDIT_WINDOW_MS);
    expect(auditRange({ from: 1, to: -5 }, now)).toEqual({
      from: now - AUDIT_WINDOW_MS,
      to: Number.MAX_SAFE_INTEGER,
    });
    expect(auditRange({ from: now - 1000, to: now }, now)).toEqual({ from: now - 1000, to: now });
  });
});
