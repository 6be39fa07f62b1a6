import { invalid } from '../errors.js';
import {
  checkAuthType,
  dedupe,
  type SsoSetupSuiteSettings,
  type TenantRecord,
  type TenantSessionSettings,
} from './tenant.js';

/** A tenant's settings (`tenant/settings`): its domains and auth type with its session settings. */

export const EXPIRATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;

export const blankSettings = (): TenantSessionSettings => ({
  enabled: false,
  refreshTokenExpiration: 0,
  refreshTokenExpirationUnit: '',
  sessionTokenExpiration: 0,
  sessionTokenExpirationUnit: '',
  stepupTokenExpiration: 0,
  stepupTokenExpirationUnit: '',
  enableInactivity: false,
  inactivityTime: 0,
  inactivityTimeUnit: '',
  JITDisabled: false,
  ssoSetupSuiteSettings: {
    enabled: false,
    styleId: '',
    disabledFeatures: { saml: false, oidc: false, scim: false, ssoDomains: false, groupMapping: false },
  },
});

export type SettingsInput = Partial<Omit<TenantSessionSettings, 'ssoSetupSuiteSettings'>> & {
  domains?: string[];
  selfProvisioningDomains?: string[];
  authType?: string;
  ssoSetupSuiteSettings?: Partial<Omit<SsoSetupSuiteSettings, 'disabledFeatures'>> & {
    disabledFeatures?: Partial<SsoSetupSuiteSettings['disabledFeatures']>;
  };
};

/** GET tenant/settings: the tenant's domains and auth type with its session settings. */
export function tenantSettings(tenant: TenantRecord) {
  return {
    domains: tenant.domains,
    selfProvisioningDomains: tenant.selfProvisioningDomains,
    authType: tenant.authType,
    ...(tenant.settings ?? blankSettings()),
  };
}

/**
 * POST tenant/settings. Vendor behaviour (inferred): a key present sets the value and an absent key keeps
 * it, since the Node SDK's TenantSettings makes almost every key optional.
 */
export function configureSettings(tenant: TenantRecord, input: SettingsInput): TenantRecord {
  const current = tenant.settings ?? blankSettings();
  const { domains, selfProvisioningDomains, authType, ssoSetupSuiteSettings, ...session } = input;
  for (const key of [
    'refreshTokenExpiration',
    'sessionTokenExpiration',
    'stepupTokenExpiration',
    'inactivityTime',
  ] as const) {
    const unit = session[`${key}Unit`];
    if (unit !== undefined && unit !== '' && !(EXPIRATION_UNITS as readonly string[]).includes(unit)) {
      throw invalid(`The ${key}Unit field must be one of: ${EXPIRATION_UNITS.join(', ')}`);
    }
    if ((session[key] ?? 0) < 0) throw invalid(`The ${key} field cannot be negative`);
  }
  const suite = current.ssoSetupSuiteSettings;
  return {
    ...tenant,
    domains: domains ? dedupe(domains) : tenant.domains,
    selfProvisioningDomains: selfProvisioningDomains
      ? dedupe(selfProvisioningDomains)
      : tenant.selfProvisioningDomains,
    authType: authType === undefined ? tenant.authType : checkAuthType(authType),
    settings: {
      ...current,
      ...definedOnly(session),
      ssoSetupSuiteSettings: {
        ...suite,
        ...definedOnly(ssoSetupSuiteSettings ?? {}),
        disabledFeatures: {
          ...suite.disabledFeatures,
          ...definedOnly(ssoSetupSuiteSettings?.disabledFeatures ?? {}),
        },
      },
    },
  };
}

/** The entries whose value is given: an absent key keeps the current value. */
const definedOnly = <T extends object>(input: T): Partial<T> =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  '': 60,
  minutes: 60,
  hours: 3600,
  days: 86_400,
  weeks: 604_800,
};

/**
 * The token lifetimes (seconds) a tenant's session settings impose on sessions in that tenant (`dct`), when
 * its session management is enabled; undefined for each one it leaves to the project.
 * Vendor behaviour (inferred): Descope's tenant session management applies to sessions in the tenant, as the
 * console describes it; an expiration without a unit counts in minutes, the console's first unit.
 */
export function tenantTokenLifetimes(tenant: TenantRecord): { sessionTtl?: number; refreshTtl?: number } {
  const settings = tenant.settings;
  if (!settings?.enabled) return {};
  const seconds = (amount: number, unit: string) =>
    amount > 0 && UNIT_SECONDS[unit] !== undefined ? amount * (UNIT_SECONDS[unit] as number) : undefined;
  const sessionTtl = seconds(settings.sessionTokenExpiration, settings.sessionTokenExpirationUnit);
  const refreshTtl = seconds(settings.refreshTokenExpiration, settings.refreshTokenExpirationUnit);
  return {
    ...(sessionTtl !== undefined ? { sessionTtl } : {}),
    ...(refreshTtl !== undefined ? { refreshTtl } : {}),
  };
}
