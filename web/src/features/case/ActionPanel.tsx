// One button per action the API allows now; each opens the form its payload needs.
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Button } from '../../components/Button.tsx';
import { Section } from '../../components/Page.tsx';
import { ACTION_FORMS, OWN_SECTION } from './action-forms.ts';
import { ActionForm } from './ActionForm.tsx';
import type { ActionName, Complaint } from './api.ts';

interface Props {
  c: Complaint;
  me: string;
  departments: { id: string; name: string }[];
  onDone: (action: ActionName) => Promise<void>;
  onEditing: (editing: boolean) => void;
}

export function ActionPanel({ c, me, departments, onDone, onEditing }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ActionName | null>(null);
  const actions = c.allowedActions.filter((a) => !OWN_SECTION.has(a));
  return (
    <Section id="actions" title={t('case.actionsTitle')}>
      {actions.length === 0 ? (
        <p>{t('case.noActions')}</p>
      ) : (
        <ul className="mb-4 flex flex-wrap gap-2">
          {actions.map((a) => (
            <li key={a}>
              <Button
                variant={open === a ? 'primary' : 'secondary'}
                aria-expanded={open === a}
                aria-controls="action-form"
                onClick={() => setOpen(open === a ? null : a)}
              >
                {t(`case.actions.${a}`)}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div id="action-form">
        {open && actions.includes(open) && (
          <section
            aria-labelledby="action-form-heading"
            className="max-w-3xl rounded border-2 border-blue-800 p-4"
          >
            <h3 id="action-form-heading" className="mb-3 text-xl font-bold">
              {t(`case.actions.${open}`)}
            </h3>
            <ActionForm
              key={open}
              reference={c.reference}
              action={open}
              fields={ACTION_FORMS[open]}
              me={me}
              departments={departments}
              flags={c.flags}
              onEditing={onEditing}
              onCancel={() => {
                setOpen(null);
                onEditing(false);
              }}
              onDone={async (a) => {
                setOpen(null);
                await onDone(a);
              }}
            />
          </section>
        )}
      </div>
    </Section>
  );
}
