import { z } from 'zod';
import { PMS_ROLES, type Role } from '../functions/auth/roles.js';
import { PARTNER_TYPES, type PartnerType } from '../functions/domain/partners/partner-types.js';
import type { UserProfile } from './issuer.js';

/** The languages MOSIP's portal ships (its i18n files). */
export const LOGIN_LANGUAGES = ['eng', 'ara', 'fra'] as const;
export type LoginLanguage = (typeof LOGIN_LANGUAGES)[number];

/** Who signs in at the local login form, as remembered and as put into the tokens. */
export interface LocalUser extends UserProfile {
  user: string;
  roles: Role[];
  email?: string;
  langCode: LoginLanguage;
}

/** What the form holds, valid or not: shown again with the errors, or pre-filled from a remembered user. */
export type LocalUserDraft = { roles: readonly string[] } & Partial<Record<Exclude<keyof LocalUser, 'roles'>, string>>;

/** The form's free-text fields, in the order shown; lengths as MOSIP's partner registration takes them. */
export const PROFILE_TEXT_FIELDS = [
  { key: 'email', name: 'email', label: 'E-mail', type: 'email', maxLength: 254, autocomplete: 'email' },
  { key: 'givenName', name: 'first_name', label: 'First name', type: 'text', maxLength: 64, autocomplete: 'given-name' },
  { key: 'familyName', name: 'last_name', label: 'Last name', type: 'text', maxLength: 64, autocomplete: 'family-name' },
  { key: 'organizationName', name: 'organization', label: 'Organisation', type: 'text', maxLength: 128, autocomplete: 'organization' },
  { key: 'address', name: 'address', label: 'Address', type: 'text', maxLength: 2000, autocomplete: 'street-address' },
  { key: 'phoneNumber', name: 'phone', label: 'Phone', type: 'tel', maxLength: 16, autocomplete: 'tel' },
] as const;

/** The form's field names for the keys of a LocalUser (error messages are keyed by them). */
export const FORM_FIELD_NAMES: Record<keyof LocalUser, string> = {
  user: 'username',
  roles: 'roles',
  langCode: 'language',
  partnerType: 'partner_type',
  ...(Object.fromEntries(PROFILE_TEXT_FIELDS.map((field) => [field.key, field.name])) as Record<(typeof PROFILE_TEXT_FIELDS)[number]['key'], string>),
};

const USER_NAME_PATTERN = /^[a-zA-Z0-9._-]{1,64}$/;
const PLAIN_TEXT = /^[^\p{Cc}]*$/u;
const maxLengthOf = (key: string) => PROFILE_TEXT_FIELDS.find((field) => field.key === key)!.maxLength;
const plainText = (key: string) =>
  z
    .string()
    .max(maxLengthOf(key), `at most ${maxLengthOf(key)} characters`)
    .regex(PLAIN_TEXT, 'no control characters')
    .optional();

const localUserSchema = z.strictObject({
  user: z.string().regex(USER_NAME_PATTERN, 'required: 1 to 64 letters, digits, dots, underscores or hyphens'),
  roles: z.array(z.enum(PMS_ROLES, 'not a PMS role')).refine((roles) => new Set(roles).size === roles.length, 'a role is given twice'),
  email: z
    .string()
    .max(254, 'at most 254 characters')
    .regex(/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u, 'not an e-mail address')
    .optional(),
  givenName: plainText('givenName'),
  familyName: plainText('familyName'),
  organizationName: plainText('organizationName'),
  address: plainText('address'),
  phoneNumber: z
    .string()
    .regex(/^\+?[0-9][0-9 ()-]{0,15}$/, 'digits, spaces, brackets and hyphens, at most 16, after an optional +')
    .max(16, 'at most 16 characters')
    .optional(),
  partnerType: z.enum(Object.keys(PARTNER_TYPES) as [PartnerType, ...PartnerType[]], 'not a MOSIP partner type').optional(),
  langCode: z.enum(LOGIN_LANGUAGES, `one of ${LOGIN_LANGUAGES.join(', ')}`),
});

export type FieldErrors = Partial<Record<keyof LocalUser, string>>;
export type LocalUserCheck = { user: LocalUser } | { errors: FieldErrors; draft: LocalUserDraft };

/** A remembered entry, checked like a form: a hand-edited file cannot put anything into a token that the form could not. */
export function localUserFrom(value: unknown): LocalUser | undefined {
  const parsed = localUserSchema.safeParse(value);
  return parsed.success ? withoutEmpty(parsed.data) : undefined;
}

export function localUserFromForm(form: URLSearchParams): LocalUserCheck {
  const draft: LocalUserDraft = { roles: form.getAll(FORM_FIELD_NAMES.roles) };
  const errors: FieldErrors = {};
  for (const key of Object.keys(FORM_FIELD_NAMES) as (keyof LocalUser)[]) {
    if (key === 'roles') continue;
    const values = form.getAll(FORM_FIELD_NAMES[key]);
    if (values.length > 1) errors[key] = 'given more than once';
    const value = values[0]?.trim();
    if (value) draft[key] = value;
  }
  const parsed = localUserSchema.safeParse(draft);
  if (parsed.success && Object.keys(errors).length === 0) return { user: withoutEmpty(parsed.data) };
  for (const issue of parsed.error?.issues ?? []) {
    const key = issue.path[0] as keyof LocalUser;
    errors[key] ??= issue.message;
  }
  return { errors, draft };
}

/** The draft a remembered user pre-fills the form with. */
export function draftOf(user: LocalUser): LocalUserDraft {
  return { ...user, roles: [...user.roles] };
}

function withoutEmpty(user: z.infer<typeof localUserSchema>): LocalUser {
  return Object.fromEntries(Object.entries(user).filter(([, value]) => value !== undefined && value !== '')) as unknown as LocalUser;
}
