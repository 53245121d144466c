// The choice of policy the screen works on (every policy the API lists).
import { SelectField } from '../../components/Field.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { Schemas } from './admin-api.ts';

export function PolicyPicker({
  policies,
  value,
  onChange,
  id = 'policy',
}: {
  policies: Schemas['PolicySummary'][];
  value: string;
  onChange: (id: string) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      id={id}
      label={t('admin.policy')}
      options={policies.map((p) => ({ value: p.id, label: `${p.name} (${p.id})` }))}
      value={value}
      onChange={(v) => v && onChange(v)}
    />
  );
}
