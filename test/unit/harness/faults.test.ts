import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_AFTER,
  type FaultAction,
  FaultRegistry,
  FaultSpecSchema,
  MAX_FAULTS,
  mulberry32,
} from '../../../src/harness/faults.js';
import { pathMatcher } from '../../../src/harness/paths.js';

describe('pathMatcher', () => {
  it('matches exactly without a star, and a star matches any run of characters', () => {
    expect(pathMatcher('/v1/mgmt/user')('/v1/mgmt/user')).toBe(true);
    expect(pathMatcher('/v1/mgmt/user')('/v1/mgmt/user/create')).toBe(false);
    expect(pathMatcher('/v1/mgmt/user/*')('/v1/mgmt/user/update/name')).toBe(true);
    expect(pathMatcher('/v*/mgmt/user/search')('/v2/mgmt/user/search')).toBe(true);
    expect(pathMatcher('/v1/mgmt/user.*')('/v1/mgmt/userXcreate')).toBe(false);
  });
});

describe('mulberry32', () => {
  it('gives the same sequence for the same seed, another for another, all in [0, 1)', () => {
    const a = Array.from({ length: 50 }, mulberry32(7));
    expect(Array.from({ length: 50 }, mulberry32(7))).toEqual(a);
    expect(Array.from({ length: 50 }, mulberry32(8))).not.toEqual(a);
    expect(a.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});

describe('FaultRegistry', () => {
  it('answers a 429 with E130429 and Retry-After by default', () => {
    const faults = new FaultRegistry();
    faults.add(FaultSpecSchema.parse({ status: 429 }));
    const action = faults.hit('GET', '/v1/mgmt/user', 'P2A');
    expect(action?.error?.headers).toEqual({ 'retry-after': String(DEFAULT_RETRY_AFTER) });
    expect(action?.error?.body.errorCode).toBe('E130429');
  });

  it('gives each status the Descope code where one exists, else E000<status>', () => {
    const codes = [400, 401, 404, 418, 500].map((status) => {
      const faults = new FaultRegistry();
      faults.add(FaultSpecSchema.parse({ status }));
      return faults.hit('GET', '/v1/mgmt/user', 'P2A')?.error?.body.errorCode;
    });
    expect(codes).toEqual(['E011001', 'E011003', 'E000404', 'E000418', 'E000500']);
  });

  it('takes the first fault that matches, in the order they were added', () => {
    const faults = new FaultRegistry();
    faults.add(FaultSpecSchema.parse({ path: '/v1/mgmt/tenant/*', status: 400 }));
    faults.add(FaultSpecSchema.parse({ status: 500 }));
    faults.add(FaultSpecSchema.parse({ status: 404 }));
    expect(faults.hit('POST', '/v1/mgmt/tenant/create', 'P2A')?.error?.status).toBe(400);
    expect(faults.hit('POST', '/v1/mgmt/user/create', 'P2A')?.error?.status).toBe(500);
  });

  it('with a probability, draws only for requests that match otherwise', () => {
    const faults = new FaultRegistry();
    faults.add(FaultSpecSchema.parse({ method: 'POST', status: 500, probability: 0.5, seed: 3 }));
    const random = mulberry32(3);
    const expected: boolean[] = [];
    const actual: boolean[] = [];
    for (let i = 0; i < 30; i += 1) {
      expect(faults.hit('GET', '/v1/mgmt/user', 'P2A')).toBeUndefined();
      expected.push(random() < 0.5);
      actual.push(faults.hit('POST', '/v1/mgmt/user/create', 'P2A') !== undefined);
    }
    expect(actual).toEqual(expected);
  });

  /** The action of a fault hitting a user call, which the test expects to exist. */
  const hitUser = (faults: FaultRegistry, method = 'GET'): FaultAction => {
    const action = faults.hit(method, '/v1/mgmt/user', 'P2A');
    if (!action) throw new Error('no fault hit');
    return action;
  };

  it('lets go a delayed request when its fault is removed, not when the fault runs out of hits', async () => {
    const faults = new FaultRegistry();
    const { id } = faults.add(FaultSpecSchema.parse({ delayMs: 60_000, status: 500, times: 2 }));
    const other = faults.add(FaultSpecSchema.parse({ method: 'POST', delayMs: 60_000 }));
    const ended: string[] = [];
    const wait = (method: string, name: string) =>
      faults.delay(hitUser(faults, method)).then((outcome) => ended.push(`${name} ${outcome}`));
    const first = wait('GET', 'first');
    // The second hit uses up `times`: the fault expires, and the first request keeps waiting.
    const second = wait('GET', 'second');
    const posted = wait('POST', 'posted');
    await new Promise((resolve) => setImmediate(resolve));
    expect(ended).toEqual([]);
    // Gone from the list already (so 404), but its waiting requests are still let go.
    expect(faults.remove(id)).toBe(false);
    await Promise.all([first, second]);
    expect(ended).toEqual(['first released', 'second released']);
    expect(faults.remove(other.id)).toBe(true);
    await posted;
    expect(ended).toContain('posted released');
  });

  it('skips the delay of a request whose fault went before it began waiting, and every delay once closing', async () => {
    const faults = new FaultRegistry();
    faults.add(FaultSpecSchema.parse({ delayMs: 60_000 }));
    const early = hitUser(faults);
    faults.clear();
    expect(await faults.delay(early)).toBe('released');

    faults.add(FaultSpecSchema.parse({ delayMs: 60_000 }));
    const waiting = faults.delay(hitUser(faults));
    faults.close();
    expect(await waiting).toBe('closing');
    expect(await faults.delay(hitUser(faults))).toBe('closing');
  });

  it('refuses the statuses the SDKs retry unless allowed, and a fault that does nothing', () => {
    expect(FaultSpecSchema.safeParse({ status: 521 }).success).toBe(false);
    expect(FaultSpecSchema.safeParse({ status: 521, allowRetriedStatus: true }).success).toBe(true);
    expect(FaultSpecSchema.safeParse({ path: '*' }).success).toBe(false);
  });
});

describe('FaultRegistry bounds', () => {
  it(`refuses a fault past ${MAX_FAULTS} active ones with E011004, and takes one again once some are removed`, () => {
    const faults = new FaultRegistry();
    for (let i = 0; i < MAX_FAULTS; i += 1) faults.add(FaultSpecSchema.parse({ status: 500 }));
    expect(() => faults.add(FaultSpecSchema.parse({ status: 500 }))).toThrow(/At most 1000 faults/);
    faults.remove('F1');
    expect(faults.add(FaultSpecSchema.parse({ status: 500 })).id).toBe(`F${MAX_FAULTS + 1}`);
    expect(faults.list()).toHaveLength(MAX_FAULTS);
  });
});
