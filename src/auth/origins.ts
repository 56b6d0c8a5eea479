/** Which browser origins may sign in and call /mcp, and where to send a person whose origin is refused. */
export interface OriginPolicy {
  /** Every trusted origin (Better Auth's trustedOrigins). */
  readonly trusted: readonly string[];
  /** The URL to tell a person to open: PUBLIC_URL. */
  readonly openUrl: string;
  /** True for a trusted origin. */
  allows(origin: string): boolean;
  /** What to say to a browser on `origin` that was refused: the URL that works, and how to allow this one. */
  refusal(origin: string | undefined): string;
}

export interface OriginPolicyOptions {
  publicUrl: string;
  corsOrigins: readonly string[];
  /** Development trusts every loopback spelling of `port` too; production only PUBLIC_URL and CORS_ORIGINS. */
  production: boolean;
  port: number;
}

/** The loopback spellings a browser on this machine may use for `port` (`npm start` prints one, users type another). */
export function loopbackOrigins(port: number): string[] {
  return port > 0 ? ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${port}`) : [];
}

/** Build the origin policy from the configuration. */
export function createOriginPolicy(options: OriginPolicyOptions): OriginPolicy {
  const openUrl = options.publicUrl;
  const trusted = [
    ...new Set([new URL(openUrl).origin, ...options.corsOrigins, ...(options.production ? [] : loopbackOrigins(options.port))]),
  ];
  return {
    trusted,
    openUrl,
    allows: (origin) => trusted.includes(origin),
    refusal(origin) {
      const from = origin && origin !== 'null' ? origin : 'this page';
      const allow = origin && origin !== 'null' ? ` (or, if you run this server, add ${origin} to CORS_ORIGINS)` : '';
      return `This server does not accept requests from ${from}: open ${openUrl} instead${allow}.`;
    },
  };
}
