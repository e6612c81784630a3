/** Where Better Auth's own endpoints are served (sign-in, OAuth, JWKS). */
export const authBasePath = '/api/v1/auth';
