// The keyboard shortcuts, in a dialog that `?` opens.
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';

const KEYS = [
  ['j', 'j'],
  ['k', 'k'],
  ['Enter', 'enter'],
  ['x', 'x'],
  ['/', 'slash'],
  ['?', 'question'],
] as const;

export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('queue.shortcuts.title')} onClose={onClose}>
      <table className="mb-4 w-full text-left">
        <thead>
          <tr>
            <th scope="col" className="border-b-2 border-slate-700 p-2">
              {t('queue.shortcuts.key')}
            </th>
            <th scope="col" className="border-b-2 border-slate-700 p-2">
              {t('queue.shortcuts.does')}
            </th>
          </tr>
        </thead>
        <tbody>
          {KEYS.map(([key, name]) => (
            <tr key={key} className="border-b border-slate-300">
              <td className="p-2">
                <kbd className="rounded border border-slate-700 bg-slate-100 px-2 py-0.5 font-mono">
                  {key}
                </kbd>
              </td>
              <td className="p-2">{t(`queue.shortcuts.${name}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button onClick={onClose}>{t('queue.shortcuts.close')}</Button>
    </Dialog>
  );
}
