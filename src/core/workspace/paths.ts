/** Where each IDEA module's page lives. Free of zod, so pages can import it without the schemas. */
import type { Dimension } from '../diagnostic/questionnaire.ts';
import { PAGE_PATHS } from '../navigation/pages.ts';

export const MODULE_PATHS: Record<Dimension, string> = {
  insight: PAGE_PATHS.insightModule,
  distinctive: PAGE_PATHS.distinctiveModule,
  empathetic: PAGE_PATHS.empatheticModule,
  authentic: PAGE_PATHS.authenticModule,
};
