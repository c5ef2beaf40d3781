/** Who is acting, as the domain needs it: the user, and whether they administer partners. */
export interface Caller {
  userId: string;
  /** The token's stable `sub`; a partner bound to a subject answers only to it (absent here: matches no bound partner). */
  subject?: string | undefined;
  email?: string | undefined;
  /** PARTNER_ADMIN: sees and changes every partner's objects. */
  isAdmin: boolean;
}
