import type { ErrorDefinition } from '../../errors/pms-error.js';
import type { AuditEntry } from '../audit.js';
import type { EventModel } from '../events/event-model.js';
import type { PartnerRepository } from '../partners/ports.js';
import type { PolicyRepository } from '../policies/ports.js';
import type { PolicyGroupRepository } from '../policy-groups/ports.js';
import type { PolicyLink } from '../policy-requests/ports.js';
import type { Change, Clock, IdGenerator } from '../ports.js';
import type { ClaimMappings } from './claims-mapping.js';
import type { EsignetApi, OidcClient, RegisteredFields } from './oidc-client.js';

/**
 * One change of a client in one transaction: the client (new: refused if its id, i.e. its public key, is taken;
 * else at its revision), the partner that must still be active, the audit record and events.
 */
export interface OidcClientChange {
  client: Change<OidcClient>;
  activePartnerId?: string;
  audit?: AuditEntry;
  events?: EventModel[];
}

/**
 * Refusals of `commit`: UniqueConstraintError 'oidcClientId' (a client with that public key exists),
 * InactivePartnerError, ConcurrentModificationError (the client changed since it was read).
 */
export interface OidcClientRepository {
  commit(change: OidcClientChange): Promise<void>;
  /** Removes a client never confirmed by eSignet, if still at its revision (ConcurrentModificationError otherwise). */
  discard(client: OidcClient): Promise<void>;
  getClient(id: string): Promise<OidcClient | undefined>;
  clientsOfPartner(partnerId: string): Promise<OidcClient[]>;
  allClients(): Promise<OidcClient[]>;
  /** Clients whose last change waits for eSignet's confirmation, oldest first. */
  pendingClients(): Promise<OidcClient[]>;
}

/** What eSignet's client-management API is asked to hold for a client (its create and update requests). */
export interface EsignetRegistration extends RegisteredFields {
  clientId: string;
  relyingPartyId: string;
  publicKey: Record<string, string>;
}

/** eSignet answered, refusing: its error, passed on as MOSIP passes it on. */
export class EsignetRefusal extends Error {
  constructor(readonly error: ErrorDefinition) {
    super(`eSignet refused: ${error.code}`);
    this.name = 'EsignetRefusal';
  }
}

/** eSignet could not be asked, or gave no usable answer (down, timed out, an HTTP error, a body without a response). */
export class EsignetUnavailable extends Error {
  constructor(
    readonly error: ErrorDefinition,
    detail: string,
  ) {
    super(`eSignet unavailable: ${detail}`);
    this.name = 'EsignetUnavailable';
  }
}

/**
 * eSignet's client registry (its `/client-mgmt/oauth-client` and deprecated `/client-mgmt/oidc-client` APIs).
 * Both calls throw EsignetRefusal when eSignet answers with errors, EsignetUnavailable when it cannot be asked.
 */
export interface EsignetClientRegistry {
  create(api: EsignetApi, registration: EsignetRegistration): Promise<void>;
  update(api: EsignetApi, registration: EsignetRegistration): Promise<void>;
}

export interface OidcClientDeps {
  clients: OidcClientRepository;
  esignet: EsignetClientRegistry;
  partners: Pick<PartnerRepository, 'getPartner' | 'partnersOfUser'>;
  policies: Pick<PolicyRepository, 'getPolicy'>;
  groups: Pick<PolicyGroupRepository, 'getGroup'>;
  links: { openLink(partnerId: string, policyId: string): Promise<PolicyLink | undefined> };
  mappings: ClaimMappings;
  clock: Clock;
  ids: IdGenerator;
}
