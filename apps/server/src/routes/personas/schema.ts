import { z } from 'zod';
import { LibraryPersonaSchema } from '../../services/personas';
import { WorkspaceParams } from '../workspaces/schema';

export const PersonaParams = WorkspaceParams.extend({ personaId: z.string().max(100) });
export const PersonaBody = LibraryPersonaSchema;
