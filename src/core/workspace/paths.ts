/** Where each IDEA module's page lives. Free of zod, so pages can import it without the schemas. */
import type { Dimension } from '../diagnostic/questionnaire.ts';

export const MODULE_PATHS: Record<Dimension, string> = {
  insight: '/app/idea/insight',
  distinctive: '/app/idea/distinctive',
  empathetic: '/app/idea/empathetic',
  authentic: '/app/idea/authentic',
};
