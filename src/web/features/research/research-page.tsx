/**
 * The Research area: the tools that bring customers' own words into the brand — what they say in
 * reviews, what they search for, what they answer in a survey. Each card opens its tool; what a tool
 * finds feeds the brand's knowledge and the coach.
 */
import { ButtonLink } from '../../components/button.tsx';
import { WorkspacePage } from '../../kit/workspace/workspace-page.tsx';
import { RESEARCH_TOOLS } from './research-tools.ts';

export default function ResearchPage() {
  return (
    <WorkspacePage
      title="Research"
      intro={
        <p>
          Hear your customers in their own words before you write for them. Each tool saves its runs to the
          brand you have chosen, and the coach can quote what they find.
        </p>
      }
    >
      <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {RESEARCH_TOOLS.map((tool) => (
          <li key={tool.path}>
            <article
              aria-labelledby={`${tool.id}-heading`}
              className="flex h-full flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
            >
              <h2 id={`${tool.id}-heading`} className="text-lg font-semibold text-slate-900">
                {tool.title}
              </h2>
              <p className="text-sm text-slate-700">{tool.summary}</p>
              <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
                {tool.points.map((point) => (
                  <li key={point}>{point}</li>
                ))}
              </ul>
              <div className="mt-auto pt-2">
                <ButtonLink to={tool.path}>
                  Open
                  <span className="sr-only"> {tool.title}</span>
                </ButtonLink>
              </div>
            </article>
          </li>
        ))}
      </ul>
    </WorkspacePage>
  );
}
