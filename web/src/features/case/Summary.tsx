// Who complained and how they want to be reached, their needs, and where the complaint stands.
import { useId, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { Section } from '../../components/Page.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import type { Complaint } from './api.ts';
import { TrackingLink } from './TrackingLink.tsx';

/** The survey's questions, in the order the customer answered them (`overall` is the score). */
const QUESTIONS = ['keptInformed', 'speed', 'fairness', 'overall'] as const;

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col border-b border-slate-300 py-2 sm:flex-row sm:gap-4">
      <dt className="font-semibold sm:w-56 sm:shrink-0">{term}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

export function Summary({
  c,
  me,
  departmentName,
}: {
  c: Complaint;
  me: string;
  departmentName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const none = t('case.none');
  const cu = c.customer;
  return (
    <Section id="summary" title={t('case.summary.title')}>
      <dl className="max-w-4xl">
        <Item term={t('case.summary.status')}>
          <StatusBadge tone={c.isOpen ? 'warn' : 'good'}>
            {t(`case.status.${c.status}`)}
          </StatusBadge>
        </Item>
        <Item term={t('case.summary.customer')}>{cu?.name ?? none}</Item>
        {cu?.email && <Item term={t('case.summary.email')}>{cu.email}</Item>}
        {cu?.phone && <Item term={t('case.summary.phone')}>{cu.phone}</Item>}
        {cu && cu.address.length > 0 && (
          <Item term={t('case.summary.address')}>{cu.address.join(', ')}</Item>
        )}
        {cu && (
          <Item term={t('case.summary.contact')}>
            {t(`case.methods.${cu.preferredContact}`)} ·{' '}
            {t(`case.languages.${cu.language}`, { defaultValue: cu.language })}
          </Item>
        )}
        {c.capabilities['tracking.link'] && (
          <Item term={t('case.trackingLink.term')}>
            <TrackingLink reference={c.reference} />
          </Item>
        )}
        <Item term={t('case.summary.needs')}>{cu?.needs || none}</Item>
        <Item term={t('case.summary.vulnerable')}>
          {cu?.vulnerable || c.flags.includes('vulnerable_customer')
            ? t('case.summary.vulnerableYes')
            : t('case.summary.vulnerableNo')}
        </Item>
        <Item term={t('case.summary.channel')}>
          {t(`case.channels.${c.channel}`, { defaultValue: c.channel })} ·{' '}
          <DateTime iso={c.receivedAt} timeZone={c.timezone} />
        </Item>
        <Item term={t('case.summary.policy')}>
          {t('case.summary.policyVersion', { id: c.policy.id, version: c.policy.version })}
        </Item>
        <Item term={t('case.summary.flags')}>
          {c.flags.length === 0 ? (
            none
          ) : (
            <span className="flex flex-wrap gap-2">
              {c.flags.map((f) => (
                <StatusBadge key={f} tone="bad">
                  {t(`case.options.flag.${f}`)}
                </StatusBadge>
              ))}
            </span>
          )}
        </Item>
        {c.escalationLevel > 0 && (
          <Item term={t('case.summary.escalation')}>{String(c.escalationLevel)}</Item>
        )}
        <Item term={t('case.summary.assignee')}>
          {c.assigneeId === null
            ? t('case.summary.unassigned')
            : c.assigneeId === me
              ? t('case.summary.you')
              : c.assigneeId}
        </Item>
        <Item term={t('case.summary.department')}>
          {c.departmentId ? departmentName(c.departmentId) : none}
        </Item>
        {c.remedySought && <Item term={t('case.summary.remedy')}>{c.remedySought}</Item>}
        {c.outcome && (
          <Item term={t('case.summary.outcome')}>{t(`case.options.outcome.${c.outcome}`)}</Item>
        )}
      </dl>
      <h3 className="mb-1 mt-4 text-xl font-bold">{t('case.summary.description')}</h3>
      <div className="max-w-3xl whitespace-pre-wrap break-words">{c.description}</div>
      {c.satisfaction !== null && <SurveyAnswers c={c} />}
    </Section>
  );
}

/** What the customer answered in the satisfaction survey, each question in words. */
function SurveyAnswers({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  const id = useId();
  const answers: Partial<Record<(typeof QUESTIONS)[number], number>> = c.satisfactionAnswers ?? {
    overall: c.satisfaction ?? undefined,
  };
  return (
    <section aria-labelledby={`${id}-survey`}>
      <h3 id={`${id}-survey`} className="mb-1 mt-6 text-xl font-bold">
        {t('case.survey.title')}
      </h3>
      <dl className="max-w-4xl">
        {QUESTIONS.map((q) => {
          const score = answers[q];
          return (
            <Item key={q} term={t(`case.survey.question.${q}`)}>
              {score === undefined
                ? t('case.survey.notAnswered')
                : t('case.summary.score', { score })}
            </Item>
          );
        })}
        <Item term={t('case.survey.comment')}>
          {c.satisfactionComment ? (
            <blockquote className="whitespace-pre-wrap">{c.satisfactionComment}</blockquote>
          ) : (
            t('case.survey.noComment')
          )}
        </Item>
        {c.satisfactionRatedAt && (
          <Item term={t('case.survey.ratedAt')}>
            <DateTime iso={c.satisfactionRatedAt} timeZone={c.timezone} />
          </Item>
        )}
      </dl>
    </section>
  );
}
