import type { GuidanceAction } from '../../../core/diagnostic/guidance.ts';
import { WORKSPACE_AREA_LABELS, workspacePath } from '../../../core/navigation/workspace-areas.ts';
import { TextLink } from '../../components/text-link.tsx';

/**
 * An action, linked to its part of the workspace only once that page exists (see workspace-areas.ts);
 * until then it is plain text, never a link to nowhere.
 */
export function ActionContent({ action }: { action: GuidanceAction }) {
  const path = workspacePath(action.area);
  return (
    <>
      <p className="text-slate-800">{action.text}</p>
      {path ? (
        <p className="text-sm">
          <TextLink to={path}>Open {WORKSPACE_AREA_LABELS[action.area]}</TextLink>
        </p>
      ) : null}
    </>
  );
}

export function ActionItem({ action }: { action: GuidanceAction }) {
  return (
    <li className="space-y-1">
      <ActionContent action={action} />
    </li>
  );
}
