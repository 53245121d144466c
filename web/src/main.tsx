// Starts the app: the language first (so the first paint is in it), then the routes. The code
// of the route opened and the session are asked for alongside the strings, not after them: a
// chain of requests one after another is what a first visit waits for (bench:queue-render).
import { createRoot } from 'react-dom/client';
import { App, preloadRoute } from './app/App.tsx';
import { prefetchSession } from './features/auth/session.ts';
import { setupI18n } from './i18n/index.ts';
import './index.css';

const strings = setupI18n();
prefetchSession();
preloadRoute(window.location.pathname);
await strings;
createRoot(document.getElementById('root')!).render(<App />);
