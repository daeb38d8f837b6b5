import { describeError, supportReference } from '../lib/api-client.ts';
import { mapErrorDetails } from '../lib/form-errors.ts';
import { Alert } from './alert.tsx';

interface FormErrorAlertProps {
  error: unknown;
  /** Fields shown on the form; details about them appear inline instead of here. */
  fields?: readonly string[];
  aliases?: Partial<Record<string, string>>;
  title?: string;
}

export function FormErrorAlert({ error, fields = [], aliases, title }: FormErrorAlertProps) {
  if (!error) return null;
  const { unmatched } = mapErrorDetails(error, fields, aliases);
  // Only unexpected failures carry a reference to quote; a wrong password is not a fault.
  const requestId = supportReference(error);
  return (
    <Alert tone="error" title={title}>
      <p>{describeError(error)}</p>
      {unmatched.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5">
          {unmatched.map((detail) => (
            <li key={`${detail.path}:${detail.message}`}>{detail.message}</li>
          ))}
        </ul>
      ) : null}
      {requestId ? <p className="text-xs text-red-800">Reference: {requestId}</p> : null}
    </Alert>
  );
}
