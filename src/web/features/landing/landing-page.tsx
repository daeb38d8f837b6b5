import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { ButtonLink } from '../../components/button.tsx';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { useSession } from '../../lib/session.ts';

const dimensions = [
  {
    letter: 'I',
    name: 'Insight-driven',
    question: 'Do you really know why your customers buy: their intent, motivations and emotional triggers?',
  },
  {
    letter: 'D',
    name: 'Distinctive',
    question:
      'Would a customer recognise you without your logo? Do you own assets that make you come to mind?',
  },
  {
    letter: 'E',
    name: 'Empathetic',
    question:
      'Do customers feel understood? Do you speak to their fears, their hopes and how they want to feel?',
  },
  {
    letter: 'A',
    name: 'Authentic',
    question: 'Are your values, story and promise real, visible and consistent at every touchpoint?',
  },
] as const;

const audiences = [
  {
    title: 'Owners of small and growing brands',
    text: 'Founders who want a brand people choose on purpose, not only when it’s cheapest.',
  },
  {
    title: 'E-commerce sellers',
    text: 'Stand out on crowded marketplaces and give shoppers a reason to come back.',
  },
  {
    title: 'Marketers',
    text: 'Ground campaigns and copy in what customers actually feel, want and believe.',
  },
  {
    title: 'Consultants and coaches',
    text: 'Guide clients through one clear framework they can understand and act on.',
  },
] as const;

function CallsToAction({ centred = false }: { centred?: boolean }) {
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  return (
    <div className={`flex flex-col gap-3 sm:flex-row ${centred ? 'sm:justify-center' : ''}`}>
      <ButtonLink to={PAGE_PATHS.diagnostic} size="lg">
        Start the free diagnostic
      </ButtonLink>
      {signedIn ? (
        <ButtonLink to={PAGE_PATHS.dashboard} size="lg" variant="secondary">
          Go to your dashboard
        </ButtonLink>
      ) : (
        <ButtonLink to={PAGE_PATHS.signUp} size="lg" variant="secondary">
          Create your free account
        </ButtonLink>
      )}
    </div>
  );
}

export default function LandingPage() {
  useDocumentTitle(null);
  return (
    <>
      <section aria-labelledby="hero-title" className="bg-white">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24">
          <div className="max-w-3xl space-y-6">
            <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">
              The IDEA Strategic Brand Framework
            </p>
            <h1
              id="hero-title"
              className="text-4xl font-bold tracking-tight text-balance text-slate-900 sm:text-5xl"
            >
              Build a brand your customers trust
            </h1>
            <p className="text-lg text-pretty text-slate-700 sm:text-xl">
              IDEA Brand Coach is a brand-strategy coach for small brands. It guides you through the four
              qualities that make customers choose a brand, come back and recommend it: being{' '}
              <strong className="font-semibold text-slate-900">Insight-driven</strong>,{' '}
              <strong className="font-semibold text-slate-900">Distinctive</strong>,{' '}
              <strong className="font-semibold text-slate-900">Empathetic</strong> and{' '}
              <strong className="font-semibold text-slate-900">Authentic</strong>.
            </p>
            <CallsToAction />
            <p className="text-slate-700">
              The diagnostic is 8 questions and takes about 3 minutes. No account needed.
            </p>
          </div>
        </div>
      </section>

      <section aria-labelledby="framework-title" className="border-y border-slate-200 bg-stone-50">
        <div className="mx-auto max-w-6xl space-y-10 px-4 py-16 sm:px-6 sm:py-20">
          <div className="max-w-2xl space-y-3">
            <h2 id="framework-title" className="text-3xl font-bold tracking-tight text-slate-900">
              What IDEA stands for
            </h2>
            <p className="text-lg text-slate-700">
              Four questions every lasting brand can answer well. Together, they build trust.
            </p>
          </div>
          <ul className="grid gap-4 sm:grid-cols-2">
            {dimensions.map((dimension) => (
              <li
                key={dimension.letter}
                className="flex gap-4 rounded-2xl border border-slate-200 bg-white p-6"
              >
                <span
                  aria-hidden="true"
                  className="flex size-12 shrink-0 items-center justify-center rounded-xl bg-brand-700 text-2xl font-bold text-white"
                >
                  {dimension.letter}
                </span>
                <div className="space-y-1.5">
                  <h3 className="text-lg font-semibold text-slate-900">{dimension.name}</h3>
                  <p className="text-slate-700">{dimension.question}</p>
                </div>
              </li>
            ))}
          </ul>
          <p className="rounded-2xl bg-brand-800 px-6 py-5 text-lg font-medium text-white">
            Insight + Distinctiveness + Empathy + Authenticity = <strong className="font-bold">trust</strong>:
            the reason customers pick you over a cheaper option, and tell their friends.
          </p>
        </div>
      </section>

      <section aria-labelledby="audience-title" className="bg-white">
        <div className="mx-auto max-w-6xl space-y-10 px-4 py-16 sm:px-6 sm:py-20">
          <h2 id="audience-title" className="text-3xl font-bold tracking-tight text-slate-900">
            Who it’s for
          </h2>
          <ul className="grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
            {audiences.map((audience) => (
              <li key={audience.title} className="space-y-2 border-t-4 border-brand-600 pt-4">
                <h3 className="font-semibold text-slate-900">{audience.title}</h3>
                <p className="text-slate-700">{audience.text}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section aria-labelledby="start-title" className="border-t border-slate-200 bg-brand-50">
        <div className="mx-auto max-w-3xl space-y-6 px-4 py-16 text-center sm:px-6 sm:py-20">
          <h2 id="start-title" className="text-3xl font-bold tracking-tight text-slate-900">
            Start building trust today
          </h2>
          <p className="text-lg text-slate-700">
            See where your brand stands in about 3 minutes, then create a free account to save your results
            and track your progress.
          </p>
          <CallsToAction centred />
        </div>
      </section>
    </>
  );
}
