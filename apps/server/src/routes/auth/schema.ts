import { z } from 'zod';

export const Email = z.email().max(254);
export const Password = z.string().min(1).max(1000);

export const LoginBody = z.strictObject({ email: Email, password: Password });
export const SignupBody = z.strictObject({
  email: Email,
  password: z.string().min(8, 'at least 8 characters').max(1000),
  name: z.string().trim().min(1).max(200).optional(),
});
export const CreateUserBody = SignupBody.extend({ isAdmin: z.boolean().optional() });
