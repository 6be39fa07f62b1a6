import { z } from 'zod';
import { selectorFields } from './user.js';

/** Logout, login history, trusted devices and provider tokens of users (descope-api.md 4.11, 4.12). */

export const LogoutUserBody = z.object({
  ...selectorFields,
  userId: z.string().optional(),
  sessionTypes: z.array(z.string()).optional().describe('Go SDK; every session is revoked whatever it says'),
});
export type LogoutUserBody = z.output<typeof LogoutUserBody>;

const LoginSchema = z.object({
  userId: z.string(),
  loginTime: z.number().int().describe('epoch seconds'),
  city: z.string(),
  country: z.string(),
  ip: z.string(),
  selectedTenant: z.string(),
});

/** v1: a bare JSON array of user IDs in, a bare array of sign-ins out. */
export const UsersAuthHistoryBody = z.array(z.string());
export type UsersAuthHistoryBody = z.output<typeof UsersAuthHistoryBody>;
export const UsersAuthHistoryResponse = z.array(LoginSchema);
export type UsersAuthHistoryResponse = z.output<typeof UsersAuthHistoryResponse>;

export const UsersAuthHistoryV2Body = z.object({ userIds: z.array(z.string()).optional() });
export type UsersAuthHistoryV2Body = z.output<typeof UsersAuthHistoryV2Body>;
export const UsersAuthHistoryV2Response = z.object({ usersAuthHistory: z.array(LoginSchema) });
export type UsersAuthHistoryV2Response = z.output<typeof UsersAuthHistoryV2Response>;

const TrustedDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  deviceType: z.string(),
  userId: z.string(),
  lastLoginTime: z.string().describe('epoch seconds, int64 as a string'),
  expirationTime: z.string().describe('epoch seconds, int64 as a string'),
  lastLocation: z.string(),
  isCurrentDevice: z.boolean(),
});

export const TrustedDevicesBody = z.object({ identifiers: z.array(z.string()).optional() });
export type TrustedDevicesBody = z.output<typeof TrustedDevicesBody>;

export const TrustedDevicesResponse = z.object({ devices: z.array(TrustedDeviceSchema) });
export type TrustedDevicesResponse = z.output<typeof TrustedDevicesResponse>;

export const RemoveTrustedDevicesBody = z.object({
  ...selectorFields,
  deviceIds: z.array(z.string()).optional(),
});
export type RemoveTrustedDevicesBody = z.output<typeof RemoveTrustedDevicesBody>;

/** `"true"` / `"false"` as the Node SDK sends them in the query; anything else but "true" is false. */
const queryFlag = z.string().optional().describe('"true" or "false"');

export const ProviderTokenQuery = z.object({
  loginId: z.string().optional(),
  identifier: z.string().optional(),
  provider: z.string().optional(),
  withRefreshToken: queryFlag,
  forceRefresh: queryFlag,
});
export type ProviderTokenQuery = z.output<typeof ProviderTokenQuery>;

export const ProviderTokenResponse = z.object({
  provider: z.string(),
  providerUserId: z.string(),
  accessToken: z.string(),
  expiration: z.number().int().describe('epoch seconds'),
  scopes: z.array(z.string()),
  refreshToken: z.string(),
});
export type ProviderTokenResponse = z.output<typeof ProviderTokenResponse>;
