// /admin/templates: every message template of a policy, per kind and language; an edit with a
// live preview in each of the policy's languages and the required-content check, saved as a
// new version (the API refuses unknown variables and missing required content).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { TextArea, TextField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { LANGUAGE_NAMES, type Language } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { usePolicies, type Schemas } from './admin-api.ts';
import { formErrors, NO_ERRORS, type FormErrors } from './form-errors.ts';
import { PolicyPicker } from './PolicyPicker.tsx';
import { TemplatePreview } from './TemplatePreview.tsx';

type Kind = Schemas['CommunicationKind'];
interface Chosen {
  kind: Kind;
  lang: Language;
}

function Editor({
  policy,
  chosen,
  languages,
}: {
  policy: string;
  chosen: Chosen;
  languages: Language[];
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const template = useQuery({
    queryKey: ['admin', 'template', policy, chosen.kind, chosen.lang],
    queryFn: () =>
      call<Schemas['Template']>(
        api.GET('/api/v1/policies/{id}/templates/{kind}/{lang}', {
          params: { path: { id: policy, kind: chosen.kind, lang: chosen.lang } },
        }),
      ),
  });
  const [edit, setEdit] = useState<{ subject: string; body: string } | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<number | null>(null);
  if (template.isPending) return <Loading />;
  if (template.isError)
    return <LoadFailed error={template.error} retry={() => void template.refetch()} />;
  const draft = edit ?? {
    subject: template.data.current.subject,
    body: template.data.current.body,
  };
  const kindName = t(`admin.templates.kinds.${chosen.kind}`, { defaultValue: chosen.kind });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    try {
      const result = await call<Schemas['SavedTemplate']>(
        api.PUT('/api/v1/policies/{id}/templates/{kind}/{lang}', {
          params: { path: { id: policy, kind: chosen.kind, lang: chosen.lang } },
          body: draft,
        }),
      );
      setErrors(NO_ERRORS);
      setSaved(result.version);
      await client.invalidateQueries({ queryKey: ['admin', 'templates', policy] });
    } catch (err) {
      setErrors(
        formErrors(err, t, {
          'TEMPLATE.SUBJECT': 'subject',
          'TEMPLATE.SYNTAX': 'body',
          'TEMPLATE.UNKNOWN_VARIABLE': 'body',
          'COMMUNICATION.MISSING_REQUIRED_CONTENT': 'body',
        }),
      );
    }
  };
  return (
    <Section
      id="edit"
      title={t('admin.templates.editing', {
        kind: kindName,
        language: LANGUAGE_NAMES[chosen.lang],
      })}
    >
      {saved !== null && <Alert tone="success" title={t('admin.templates.saved', { n: saved })} />}
      {errors.form && <Alert tone="error" title={errors.form} />}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="template-subject"
          label={t('admin.templates.subject')}
          value={draft.subject}
          error={errors.fields.subject}
          onInput={(e) => setEdit({ ...draft, subject: e.currentTarget.value })}
        />
        <TextArea
          id="template-body"
          label={t('admin.templates.body')}
          hint={t('admin.templates.bodyHint', { example: '{{reference}}' })}
          rows={14}
          value={draft.body}
          error={errors.fields.body}
          onInput={(e) => setEdit({ ...draft, body: e.currentTarget.value })}
        />
        <details className="mb-6">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-blue-800 underline">
            {t('admin.templates.variables', { count: template.data.variables.length })}
          </summary>
          <dl className="grid grid-cols-1 gap-x-4 sm:grid-cols-[max-content_1fr]">
            {template.data.variables.map((v) => (
              <div key={v.name} className="contents">
                <dt>
                  <code>{`{{${v.name}}}`}</code>
                </dt>
                <dd className="mb-1">{v.description}</dd>
              </div>
            ))}
          </dl>
        </details>
        <div className="mb-6 flex flex-wrap gap-4">
          <Button type="submit">{t('admin.templates.save')}</Button>
          <Button
            variant="secondary"
            onClick={() =>
              setEdit({ subject: template.data.default.subject, body: template.data.default.body })
            }
          >
            {t('admin.templates.useDefault')}
          </Button>
        </div>
      </form>
      <div className="grid gap-4 lg:grid-cols-2">
        <TemplatePreview policy={policy} kind={chosen.kind} lang={chosen.lang} draft={draft} />
        {languages
          .filter((l) => l !== chosen.lang)
          .map((l) => (
            <TemplatePreview key={l} policy={policy} kind={chosen.kind} lang={l} />
          ))}
      </div>
    </Section>
  );
}

export function TemplatesScreen() {
  const { t } = useTranslation();
  const policies = usePolicies();
  const [policyId, setPolicyId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const id = policyId ?? policies.data?.items[0]?.id ?? null;
  const list = useQuery({
    queryKey: ['admin', 'templates', id],
    queryFn: () =>
      call<Schemas['TemplateList']>(
        api.GET('/api/v1/policies/{id}/templates', { params: { path: { id: id! } } }),
      ),
    enabled: !!id,
  });
  if (policies.isPending) return <Loading />;
  if (policies.isError)
    return <LoadFailed error={policies.error} retry={() => void policies.refetch()} />;
  const kindName = (k: Kind) => t(`admin.templates.kinds.${k}`, { defaultValue: k });
  return (
    <>
      <PolicyPicker
        policies={policies.data.items}
        value={id ?? ''}
        onChange={(v) => {
          setPolicyId(v);
          setChosen(null);
        }}
      />
      {list.isPending && <Loading />}
      {list.isError && <LoadFailed error={list.error} retry={() => void list.refetch()} />}
      {list.data && (
        <>
          <DataTable
            caption={t('admin.templates.list')}
            rows={list.data.items}
            rowKey={(r) => `${r.kind}-${r.language}`}
            columns={[
              { header: t('admin.templates.kind'), cell: (r) => kindName(r.kind) },
              { header: t('admin.templates.language'), cell: (r) => LANGUAGE_NAMES[r.language] },
              {
                header: t('admin.templates.source'),
                cell: (r) =>
                  r.source === 'custom'
                    ? t('admin.templates.custom', { n: r.version })
                    : t('admin.templates.default'),
              },
              {
                header: t('admin.templates.edit'),
                cell: (r) => (
                  <Button
                    variant="secondary"
                    aria-pressed={chosen?.kind === r.kind && chosen.lang === r.language}
                    onClick={() => setChosen({ kind: r.kind, lang: r.language })}
                  >
                    {t('admin.templates.editOne', {
                      kind: kindName(r.kind),
                      language: LANGUAGE_NAMES[r.language],
                    })}
                  </Button>
                ),
              },
            ]}
          />
          {chosen && (
            <Editor
              key={`${id}-${chosen.kind}-${chosen.lang}`}
              policy={id!}
              chosen={chosen}
              languages={list.data.languages}
            />
          )}
        </>
      )}
    </>
  );
}
