// Adding a mailbox: an IMAP folder Redress reads (server, port, TLS, user, password, folder) or
// an SMTP listener other mail servers deliver to (address and port). The settings can be tested
// for real before they are saved; the password goes to the API and never comes back.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { RadioGroup, TextField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { usePolicies, type Schemas } from './admin-api.ts';
import { AdminForm, FormOutcome, useAdminForm } from './AdminForm.tsx';
import { ConnectionResult, type ConnectionTest } from './MailboxConnection.tsx';
import { PolicyPicker } from './PolicyPicker.tsx';

const INITIAL = {
  kind: 'imap' as 'imap' | 'smtp',
  name: '',
  address: '',
  policyId: '',
  host: '',
  port: '993',
  secure: true,
  username: '',
  password: '',
  folder: 'INBOX',
  listenHost: '127.0.0.1',
  listenPort: '2525',
};

/** A typed port as the API's number (a wrong one comes back as the field's error). */
const portOf = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

export function MailboxAdd() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const policies = usePolicies();
  const f = useAdminForm(INITIAL, {
    'MAILBOX.ALREADY_EXISTS': 'name',
    'MAILBOX.UNKNOWN_POLICY': 'policyId',
  });
  const [tested, setTested] = useState<ConnectionTest | null>(null);
  const { form } = f;
  const policyId = form.policyId || policies.data?.items[0]?.id || '';
  const settings = () =>
    form.kind === 'imap'
      ? {
          kind: 'imap' as const,
          host: form.host.trim(),
          port: portOf(form.port),
          secure: form.secure,
          username: form.username.trim(),
          password: form.password,
          folder: form.folder.trim() || 'INBOX',
        }
      : {
          kind: 'smtp' as const,
          listenHost: form.listenHost.trim(),
          listenPort: portOf(form.listenPort),
        };
  const onTest = () =>
    f.run(async () => {
      setTested(null);
      setTested(
        await call<ConnectionTest>(api.POST('/api/v1/mailboxes/test', { body: settings() })),
      );
      return '';
    });
  const onAdd = () =>
    f.run(
      async () => {
        const m = await call<Schemas['Mailbox']>(
          api.POST('/api/v1/mailboxes', {
            body: {
              ...settings(),
              address: form.address.trim(),
              policyId,
              ...(form.name.trim() ? { name: form.name.trim() } : {}),
            },
          }),
        );
        setTested(null);
        await client.invalidateQueries({ queryKey: ['admin', 'mailboxes'] });
        return t('admin.mailboxes.add.added', { name: m.name });
      },
      { reset: true },
    );
  const changed =
    <K extends keyof typeof INITIAL>(k: K) =>
    (v: (typeof INITIAL)[K]) => {
      f.set(k)(v);
      setTested(null);
    };
  const text = (k: keyof typeof INITIAL & string) => ({
    ...f.text(k),
    onInput: (e: { currentTarget: { value: string } }) =>
      changed(k)(e.currentTarget.value as never),
  });
  return (
    <Section id="add-mailbox" title={t('admin.mailboxes.add.title')}>
      <FormOutcome done={f.done || null} errors={f.errors} />
      <AdminForm onSubmit={onAdd} label={t('admin.mailboxes.add.title')}>
        <RadioGroup
          id="mailbox-kind"
          legend={t('admin.mailboxes.add.kind')}
          options={[
            { value: 'imap', label: t('admin.mailboxes.add.imap') },
            { value: 'smtp', label: t('admin.mailboxes.add.smtp') },
          ]}
          value={form.kind}
          onChange={(v) => changed('kind')(v)}
        />
        <div className="grid gap-x-6 sm:grid-cols-2">
          <TextField
            id="mailbox-address"
            type="email"
            label={t('admin.mailboxes.add.address')}
            hint={t('admin.mailboxes.add.addressHint')}
            autoComplete="off"
            {...text('address')}
          />
          <TextField
            id="mailbox-name"
            label={t('admin.mailboxes.add.name')}
            hint={t('admin.mailboxes.add.nameHint')}
            optional
            autoComplete="off"
            {...text('name')}
          />
        </div>
        {policies.data && (
          <PolicyPicker
            id="mailbox-policy"
            policies={policies.data.items}
            value={policyId}
            onChange={(v) => changed('policyId')(v)}
          />
        )}
        {form.kind === 'imap' ? (
          <fieldset className="mb-2">
            <legend className="mb-2 text-lg font-semibold">
              {t('admin.mailboxes.add.server')}
            </legend>
            <div className="grid gap-x-6 sm:grid-cols-2">
              <TextField
                id="mailbox-host"
                label={t('admin.mailboxes.add.host')}
                autoComplete="off"
                spellCheck={false}
                {...text('host')}
              />
              <TextField
                id="mailbox-port"
                inputMode="numeric"
                label={t('admin.mailboxes.add.port')}
                hint={t('admin.mailboxes.add.portHint')}
                autoComplete="off"
                className="sm:max-w-40"
                {...text('port')}
              />
            </div>
            <label className="mb-6 inline-flex min-h-11 cursor-pointer items-center gap-3 text-lg font-semibold">
              <input
                type="checkbox"
                checked={form.secure}
                onChange={(e) => {
                  const secure = e.currentTarget.checked;
                  changed('secure')(secure);
                  if (form.port === '993' || form.port === '143')
                    f.set('port')(secure ? '993' : '143');
                }}
                className="h-6 w-6 accent-blue-800"
              />
              {t('admin.mailboxes.add.tls')}
            </label>
            <div className="grid gap-x-6 sm:grid-cols-2">
              <TextField
                id="mailbox-username"
                label={t('admin.mailboxes.add.username')}
                autoComplete="off"
                spellCheck={false}
                {...text('username')}
              />
              <TextField
                id="mailbox-password"
                type="password"
                label={t('admin.mailboxes.add.password')}
                hint={t('admin.mailboxes.add.passwordHint')}
                autoComplete="new-password"
                {...text('password')}
              />
            </div>
            <TextField
              id="mailbox-folder"
              label={t('admin.mailboxes.add.folder')}
              autoComplete="off"
              className="sm:max-w-xs"
              {...text('folder')}
            />
          </fieldset>
        ) : (
          <fieldset className="mb-2">
            <legend className="mb-2 text-lg font-semibold">
              {t('admin.mailboxes.add.listener')}
            </legend>
            <p className="mb-4 max-w-prose">{t('admin.mailboxes.add.listenerIntro')}</p>
            <div className="grid gap-x-6 sm:grid-cols-2">
              <TextField
                id="mailbox-listen-host"
                label={t('admin.mailboxes.add.listenHost')}
                autoComplete="off"
                spellCheck={false}
                {...text('listenHost')}
              />
              <TextField
                id="mailbox-listen-port"
                inputMode="numeric"
                label={t('admin.mailboxes.add.listenPort')}
                autoComplete="off"
                className="sm:max-w-40"
                {...text('listenPort')}
              />
            </div>
          </fieldset>
        )}
        <ConnectionResult result={tested} kind={form.kind} folder={form.folder || 'INBOX'} />
        <div className="flex flex-wrap gap-4">
          <Button variant="secondary" disabled={f.busy} onClick={() => void onTest()}>
            {t('admin.mailboxes.test.button')}
          </Button>
          <Button type="submit" disabled={f.busy}>
            {t('admin.mailboxes.add.submit')}
          </Button>
        </div>
      </AdminForm>
    </Section>
  );
}
