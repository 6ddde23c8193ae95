import { z } from 'zod';

/** `{error:{type,message}}`, the admin API's error body. */
export const errorBodySchema = z.object({
  error: z.object({ type: z.string().nullish(), message: z.string() }),
});
