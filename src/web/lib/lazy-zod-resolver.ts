import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { type Contracts, loadContracts, loadPublicContracts } from './contracts.ts';

type FormResolver<S extends z.ZodType<FieldValues, FieldValues>> = Resolver<z.input<S>, unknown, z.output<S>>;

/**
 * `zodResolver` for one of the shared request schemas, fetched on first validation. By then it is
 * normally loaded already: the session request at start-up loads the public chunk, and a signed-in
 * page's first request loads the rest.
 */
export function lazyZodResolver<S extends z.ZodType<FieldValues, FieldValues>>(
  pick: (contracts: Contracts) => S,
): FormResolver<S> {
  let resolver: Promise<FormResolver<S>> | null = null;
  return async (values, context, options) => {
    // A public form's schema is in the small public chunk; any other one loads every contract.
    resolver ??= loadPublicContracts()
      .then((publicContracts) => pick(publicContracts as Contracts) ?? loadContracts().then(pick))
      .then(
        (schema): FormResolver<S> => zodResolver(schema),
        (error: unknown) => {
          resolver = null;
          throw error;
        },
      );
    return (await resolver)(values, context, options);
  };
}
