import { QueryClient, QueryClientProvider } from '@tanstack/preact-query';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router } from 'preact-iso';
import { currentSession, onSessionChange, signOut } from './api/session';
import { discardVisit, onQueueChange, type QueuedWork, queuedVisits, syncVisits } from './api/visit-queue';
import { Dashboard } from './pages/dashboard';
import { HouseholdPage } from './pages/household';
import { ProjectPage } from './pages/project';
import { SignIn } from './pages/sign-in';
import { Today } from './pages/today';
import './styles.css';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } });

const ROLE_LABELS: Record<string, string> = {
  admin: 'Quản trị',
  chair: 'Chủ tịch phường',
  officer: 'Cán bộ tổ công tác',
  supervisor: 'Giám sát (MTTQ)',
};

/** What is waiting on the phone, and what the server refused and why. */
function PendingVisits() {
  const [items, setItems] = useState<QueuedWork[]>([]);
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const load = () => void queuedVisits().then(setItems);
    const network = () => setOnline(navigator.onLine);
    load();
    const stop = onQueueChange(load);
    window.addEventListener('online', network);
    window.addEventListener('offline', network);
    const timer = setInterval(() => void syncVisits(), 15_000);
    return () => {
      stop();
      clearInterval(timer);
      window.removeEventListener('online', network);
      window.removeEventListener('offline', network);
    };
  }, []);
  const pending = items.filter((i) => i.state === 'pending');
  const visits = pending.filter((i) => i.kind === 'visit').length;
  const moves = pending.length - visits;
  const waiting = [visits ? `${visits} lần thăm` : '', moves ? `${moves} thay đổi trạng thái` : ''].filter(Boolean);
  const refused = items.filter((i) => i.state !== 'pending');
  return (
    <section class="queue" aria-live="polite">
      {!online && <p class="offline">Đang mất kết nối: các lần thăm được lưu trên máy.</p>}
      {pending.length > 0 && <p data-pending={pending.length}>Chờ gửi: {waiting.join(', ')}</p>}
      {refused.map((item) => (
        <p key={item.clientId} class="error" role="alert">
          Máy chủ từ chối {item.kind === 'visit' ? 'lần thăm' : 'thay đổi trạng thái'} hộ {item.householdLabel}:{' '}
          {item.error}{' '}
          <button type="button" onClick={() => void discardVisit(item.clientId)}>
            Bỏ
          </button>
        </p>
      ))}
    </section>
  );
}

function App() {
  const [session, setSession] = useState(currentSession());
  useEffect(() => onSessionChange(() => setSession(currentSession())), []);
  if (!session) return <SignIn />;
  const { user } = session;
  return (
    <>
      <header>
        <a href="/" class="brand">
          GPMB
        </a>
        <span>
          {user.fullName} · {ROLE_LABELS[user.role] ?? user.role}
        </span>
        <button type="button" onClick={() => void signOut().then(() => queryClient.clear())}>
          Đăng xuất
        </button>
      </header>
      <PendingVisits />
      <Router>
        <Route path="/" component={user.role === 'officer' ? Today : Dashboard} />
        <Route path="/app/du-an/:id" component={ProjectPage} />
        <Route path="/app/ho/:id" component={HouseholdPage} />
        <Route default component={() => <p>Không có trang này.</p>} />
      </Router>
    </>
  );
}

render(
  <QueryClientProvider client={queryClient}>
    <LocationProvider>
      <App />
    </LocationProvider>
  </QueryClientProvider>,
  document.getElementById('app') as HTMLElement,
);
