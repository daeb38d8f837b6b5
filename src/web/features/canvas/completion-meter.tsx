import type { CanvasCompletion } from '../../../core/workspace/canvas-completion.ts';
import { canvasFieldInfo } from '../../../core/workspace/canvas-fields.ts';

/** The canvas's completion as a bar with the count, and what is still to do. */
export function CompletionMeter({ completion }: { completion: CanvasCompletion }) {
  const todo = completion.missing.map((key) => canvasFieldInfo(key).label);
  return (
    <section
      aria-labelledby="canvas-completion"
      className="space-y-2 rounded-xl border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="canvas-completion" className="text-base font-semibold text-slate-900">
          Canvas completion
        </h2>
        <p className="text-sm font-semibold text-slate-900" data-testid="canvas-completion">
          {completion.percent}% · {completion.filled} of {completion.total} fields
        </p>
      </div>
      <div
        role="progressbar"
        aria-labelledby="canvas-completion"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={completion.percent}
        aria-valuetext={`${completion.percent}% complete`}
        className="h-2.5 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className="h-full rounded-full bg-brand-700 transition-[width]"
          style={{ width: `${completion.percent}%` }}
        />
      </div>
      {todo.length > 0 ? (
        <p className="text-sm text-slate-700">
          Still to do: {todo.join(', ')}.
          {completion.placeholders.length > 0
            ? ' Fields with [placeholders] count once the brackets are filled.'
            : ''}
        </p>
      ) : (
        <p className="text-sm text-emerald-800">Every field is filled. Export it as a PDF to share it.</p>
      )}
    </section>
  );
}
