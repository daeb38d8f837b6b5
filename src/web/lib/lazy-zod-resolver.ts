import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { type Contracts, loadContracts } from './contracts.ts';

type FormResolver<S extends z.ZodType<FieldValues, FieldValues>> = Resolver<z.input<S>, unknown, z.output<S>>;

/**
 * `zodResolver` for one of the shared request schemas, fetched on first validation. By then it is
 * normally loaded already: the session request at start-up loads the same chunk.
 */
export function lazyZodResolver<S extends z.ZodType<FieldValues, FieldValues>>(
  pick: (contracts: Contracts) => S,
): FormResolver<S> {
  let resolver: Promise<FormResolver<S>> | null = null;
  return async (values, context, options) => {
    resolver ??= loadContracts().then(
      (contracts): FormResolver<S> => zodResolver(pick(contracts)),
      (error: unknown) => {
        resolver = null;
        throw error;
      },
    );
    return (await resolver)(values, context, options);
  };
}
