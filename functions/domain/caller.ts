/** Who is acting, as the domain needs it: the user, and whether they administer partners. */
export interface Caller {
  userId: string;
  email?: string | undefined;
  /** PARTNER_ADMIN: sees and changes every partner's objects. */
  isAdmin: boolean;
}
