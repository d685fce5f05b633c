import { SignJWT, exportSPKI, generateKeyPair, type KeyLike } from 'jose';

/**
 * The municipality's identity provider, reduced to its signing key: the gateways trust its
 * public key (AUTH_PUBLIC_KEY, AUTH_ISSUER), as production trusts the e-ID broker's.
 */
export class TestIdentityProvider {
  static readonly issuer = 'https://login.exempelstad.test';
  private constructor(
    private readonly privateKey: KeyLike,
    readonly publicKeyPem: string,
  ) {}

  static async create(): Promise<TestIdentityProvider> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    return new TestIdentityProvider(privateKey, await exportSPKI(publicKey));
  }

  get env(): Record<string, string> {
    return {
      AUTH_PUBLIC_KEY: this.publicKeyPem,
      AUTH_ISSUER: TestIdentityProvider.issuer,
      AUTH_AUDIENCE: 'frontdoor',
    };
  }

  token(role: string, subject: string): Promise<string> {
    return new SignJWT({ role })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject(subject)
      .setIssuer(TestIdentityProvider.issuer)
      .setAudience('frontdoor')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(this.privateKey);
  }
}
