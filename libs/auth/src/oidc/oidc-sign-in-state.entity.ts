import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A sign-in with the OpenID Connect provider that has begun and not yet come back: the secrets
 * the callback checks the provider's answer against. Deleted when the callback takes it, so a
 * replayed callback finds nothing; one not taken is dropped after ten minutes. The `state` and
 * the browser's cookie are stored only as SHA-256 hashes.
 */
@Entity('oidc_sign_in_state')
export class OidcSignInState {
  /** SHA-256 of the `state` sent to the provider, which it sends back. */
  @PrimaryColumn({ name: 'state_hash', type: 'varchar', length: 64 })
  stateHash!: string;

  /** SHA-256 of the cookie set in the browser that began the sign-in: only it may finish it. */
  @Column({ name: 'browser_hash', type: 'varchar', length: 64 })
  browserHash!: string;

  /** Expected in the ID token; binds it to this sign-in. */
  @Column({ type: 'varchar', length: 128 })
  nonce!: string;

  /** PKCE: the token request proves with it that it comes from whoever began the sign-in. */
  @Column({ name: 'code_verifier', type: 'varchar', length: 128 })
  codeVerifier!: string;

  /** The console page to go to afterwards (a path under /admin). */
  @Column({ name: 'next_path', type: 'varchar', length: 2000 })
  nextPath!: string;

  @Index('IX_oidc_sign_in_state_created')
  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
