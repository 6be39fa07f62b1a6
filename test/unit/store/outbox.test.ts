import { describe, expect, it } from 'vitest';
import { DescopeError } from '../../../src/errors.js';
import { openStore } from '../../../src/store/index.js';
import {
  MAX_OUTBOX_MESSAGES,
  MAX_OUTBOX_PAYLOAD_BYTES,
  type NewOutboxMessage,
} from '../../../src/store/outbox.js';

/** The outbox stays bounded: public sign-in starts write to it for anyone who knows a project ID. */
const message = (token: string, payload: Record<string, unknown> = {}): NewOutboxMessage => ({
  createdMs: 0,
  kind: 'otp',
  loginId: 'ada@example.com',
  userId: '',
  deliveryMethod: 'email',
  token,
  expiresMs: 0,
  payload,
});

describe('OutboxStore.add', () => {
  it('keeps about MAX_OUTBOX_MESSAGES a project, dropping the oldest, and leaves other projects alone', () => {
    const store = openStore(':memory:');
    store.transaction(() => {
      store.projects.create('P2One', '', ['K2One'], 0);
      store.projects.create('P2Two', '', ['K2Two'], 0);
    });
    const { outbox } = store;
    store.transaction(() => {
      outbox.add('P2Two', message('other'));
      for (let i = 0; i < MAX_OUTBOX_MESSAGES + 500; i++) outbox.add('P2One', message(`c${i}`));
    });
    const kept = outbox.list('P2One');
    expect(kept.length).toBeGreaterThanOrEqual(MAX_OUTBOX_MESSAGES);
    expect(kept.length).toBeLessThanOrEqual(MAX_OUTBOX_MESSAGES + 100);
    expect(outbox.findByToken('P2One', 'c0')).toBeUndefined();
    expect(kept.at(-1)?.token).toBe(`c${MAX_OUTBOX_MESSAGES + 499}`);
    expect(outbox.list('P2Two')).toHaveLength(1);
  });

  it('refuses a payload larger than MAX_OUTBOX_PAYLOAD_BYTES with 400 E011004, keeping nothing', () => {
    const store = openStore(':memory:');
    store.transaction(() => store.projects.create('P2One', '', ['K2One'], 0));
    const huge = message('big', { link: `http://app.test/?${'x'.repeat(MAX_OUTBOX_PAYLOAD_BYTES)}` });
    const attempt = () => store.transaction(() => store.outbox.add('P2One', huge));
    expect(attempt).toThrow(DescopeError);
    expect(attempt).toThrow(/larger than/);
    expect(store.outbox.list('P2One')).toHaveLength(0);
  });
});
