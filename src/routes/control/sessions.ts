import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/operation.js';
import { mintSession } from '../../app/session.js';
import { CONTROL_PLANE_TAG } from '../../openapi.js';
import { JwtResponseSchema } from '../../schemas/session.js';

/** Ten years either way: far past any test's need, and a bound on what a token's times can be. */
const MAX_SESSION_SECONDS = 10 * 365 * 24 * 60 * 60;

const MintSessionBody = z
  .object({
    loginId: z.string().min(1).optional().describe('a login ID or a user ID'),
    userId: z.string().min(1).optional(),
    tenantId: z.string().min(1).optional().describe('selects the tenant (`dct`); the user must be a member'),
    customClaims: z.record(z.string(), z.unknown()).optional().describe('top-level claims of both tokens'),
    amr: z
      .array(z.string().min(1))
      .max(16)
      .optional()
      .describe('how the user authenticated; ["email"] when absent'),
    expiresInSeconds: z
      .number()
      .int()
      .min(-MAX_SESSION_SECONDS)
      .max(MAX_SESSION_SECONDS)
      .optional()
      .describe("the session token's lifetime instead of the project's; zero or less: already expired"),
  })
  .describe('the user by loginId (a login ID or user ID) or userId; the rest optional');

/**
 * `POST /_mock/projects/:projectId/sessions`: a signed session for a stored user without a sign-in, for tests
 * that want a session token to hand to their backend (issue 11, item 6).
 */
export function registerSessionRoutes(parent: FastifyInstance, services: Services): void {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/_mock/projects/:projectId/sessions',
    {
      schema: {
        summary: "Mints a user's session and refresh tokens, as a sign-in would answer them (JWTResponse)",
        tags: [CONTROL_PLANE_TAG],
        params: z.object({ projectId: z.string().min(1) }),
        body: MintSessionBody,
        response: { 201: JwtResponseSchema },
      },
    },
    async (request, reply) => {
      // A project in cookie mode answers its tokens in Set-Cookie, as its sign-ins do.
      const cookies: string[] = [];
      const answer = await mintSession(services, request.params.projectId, request.body, cookies);
      if (cookies.length > 0) reply.header('set-cookie', cookies);
      return reply.code(201).send(answer);
    },
  );
}
