import { invalid } from '../errors.js';
import { isPhone } from './contacts.js';
import type { UserRecord } from './user.js';

/** The invitation keys of create and create/batch (descope-api.md 4.1, 4.3). */
export interface InviteOptions {
  inviteUrl?: string;
  sendMail?: boolean;
  sendSMS?: boolean;
  templateOptions?: Record<string, string>;
  templateId?: string;
  locale?: string;
}

/** One invitation message as Descope would send it: by email or SMS, to the user's address or number. */
export interface Invitation {
  loginId: string;
  userId: string;
  deliveryMethod: 'email' | 'sms';
  payload: {
    to: string;
    inviteUrl: string;
    templateId: string;
    templateOptions: Record<string, string>;
    locale: string;
  };
}

/**
 * The messages inviting `user`: an invitation needs an email or a phone, given or as the login ID (Go SDK
 * doc). The channel follows sendMail/sendSMS.
 * Vendor behaviour (inferred): with neither (Descope follows the project's settings), email when the user has
 * one, else SMS.
 */
export function invitationsFor(user: UserRecord, options: InviteOptions): Invitation[] {
  const loginId = user.loginIds[0] ?? '';
  const email = user.email;
  const phone = user.phone || (isPhone(loginId) ? loginId : '');
  if (!email && !phone) {
    throw invalid('An invitation needs an email or a phone: give one, or use one as the login ID');
  }
  const byMail = options.sendMail ?? email !== '';
  const bySms = options.sendSMS ?? (!byMail && phone !== '');
  if (byMail && !email) throw invalid('Cannot send the invitation by email: the user has no email');
  if (bySms && !phone) throw invalid('Cannot send the invitation by SMS: the user has no phone');
  const payload = (to: string) => ({
    to,
    // Vendor behaviour (inferred): with no inviteUrl the project's configured one is used; the mock has none, so ''.
    inviteUrl: options.inviteUrl ?? '',
    templateId: options.templateId ?? '',
    templateOptions: options.templateOptions ?? {},
    locale: options.locale ?? '',
  });
  const messages: Invitation[] = [];
  const base = { loginId, userId: user.userId };
  if (byMail) messages.push({ ...base, deliveryMethod: 'email', payload: payload(email) });
  // Vendor behaviour (inferred): sendMail:false and sendSMS:false together invite without sending anything.
  if (bySms) messages.push({ ...base, deliveryMethod: 'sms', payload: payload(phone) });
  return messages;
}
