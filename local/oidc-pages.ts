import { PMS_ROLES } from '../functions/auth/roles.js';
import { PARTNER_TYPES } from '../functions/domain/partners/partner-types.js';
import { type FieldErrors, FORM_FIELD_NAMES, LOGIN_LANGUAGES, type LocalUser, type LocalUserDraft, PROFILE_TEXT_FIELDS } from './oidc-profile.js';

/** The login form of the local identity provider: plain HTML, no script, no external asset, every input labelled. */
export interface LoginFormView {
  action: string;
  /** The authorization request and the anti-forgery value, carried in hidden fields. */
  hidden: Record<string, string>;
  draft: LocalUserDraft;
  errors: FieldErrors;
  /** Remembered users, each a link to this form pre-filled with them. */
  remembered: Array<{ user: string; href: string }>;
  notice?: string;
}

export function loginFormPage(view: LoginFormView): string {
  const { draft, errors } = view;
  const error = (key: keyof LocalUser) => (errors[key] ? `<span class="error" id="${FORM_FIELD_NAMES[key]}-error">${escapeHtml(errors[key])}</span>` : '');
  const described = (key: keyof LocalUser) => (errors[key] ? ` aria-invalid="true" aria-describedby="${FORM_FIELD_NAMES[key]}-error"` : '');
  const textFields = PROFILE_TEXT_FIELDS.map(
    (field) =>
      `<p><label for="${field.name}">${field.label}</label>` +
      `<input id="${field.name}" name="${field.name}" type="${field.type}" maxlength="${field.maxLength}" autocomplete="${field.autocomplete}"` +
      `${attribute('value', draft[field.key])}${described(field.key)}>${error(field.key)}</p>`,
  );
  const roles = PMS_ROLES.map(
    (role) => `<label class="choice"><input type="checkbox" name="roles" value="${role}"${draft.roles.includes(role) ? ' checked' : ''}> ${role}</label>`,
  );
  const partnerTypes = ['', ...Object.keys(PARTNER_TYPES)].map((type) => option(type, type || '(none)', draft.partnerType ?? ''));
  const languages = LOGIN_LANGUAGES.map((language) => option(language, language, draft.langCode ?? 'eng'));
  const remembered = view.remembered.length
    ? `<nav aria-label="Remembered users"><p>Sign in again as: ${view.remembered.map((entry) => `<a href="${escapeHtml(entry.href)}">${escapeHtml(entry.user)}</a>`).join(', ')}</p></nav>`
    : '';
  return page(
    'Sign in',
    [
      '<h1>Sign in to PMS (local)</h1>',
      '<p>The development identity provider of <code>npm start</code>: no password, anyone at this machine may sign in as anyone, with any roles.</p>',
      view.notice ? `<p class="error" role="alert">${escapeHtml(view.notice)}</p>` : '',
      remembered,
      `<form method="post" action="${escapeHtml(view.action)}">`,
      ...Object.entries(view.hidden).map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}"${attribute('value', value)}>`),
      `<p><label for="username">User name</label><input id="username" name="username" required maxlength="64" pattern="[a-zA-Z0-9._\\-]{1,64}" autocomplete="username"${attribute('value', draft.user)}${described('user')}>${error('user')}</p>`,
      `<fieldset${described('roles')}><legend>Roles</legend>${roles.join('')}${error('roles')}</fieldset>`,
      ...textFields,
      `<p><label for="partner_type">Partner type</label><select id="partner_type" name="partner_type"${described('partnerType')}>${partnerTypes.join('')}</select>${error('partnerType')}</p>`,
      `<p><label for="language">Language</label><select id="language" name="language"${described('langCode')}>${languages.join('')}</select>${error('langCode')}</p>`,
      '<p><button type="submit">Sign in</button></p>',
      '</form>',
    ].join('\n'),
  );
}

export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

export function signedOutPage(note?: string): string {
  return page('Signed out', `<h1>You are signed out</h1>${note ? `\n<p>${escapeHtml(note)}</p>` : ''}`);
}

/** Headers for every page: not cached (it carries codes' requests), not framed (clickjacking), nothing loaded or run. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // No form-action: browsers apply it to the redirect that follows the form, which leaves for the API's origin.
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
} as const;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · PMS local</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
label { display: block; font-weight: 600; }
label.choice { display: inline-block; font-weight: normal; margin-right: 1rem; }
input:not([type=checkbox]), select { width: 100%; box-sizing: border-box; padding: .3rem; }
.error { color: #b00020; display: block; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function option(value: string, text: string, selected: string): string {
  return `<option${attribute('value', value)}${value === selected ? ' selected' : ''}>${escapeHtml(text)}</option>`;
}

function attribute(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
