// Starts the app: the language first (so the first paint is in it), then the routes.
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { setupI18n } from './i18n/index.ts';
import './index.css';

await setupI18n();
createRoot(document.getElementById('root')!).render(<App />);
