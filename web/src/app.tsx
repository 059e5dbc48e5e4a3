// The shell: sign-in gate, a header with the user and role, navigation that follows the role,
// and the page the address asks for.
import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import { Link, match, useLocation } from './router.js';
import { roleNames, SessionProvider, staffRoles, useSession, type Role } from './session.js';
import { SignInPage } from './pages/sign-in.js';
import { RankingsPage } from './pages/rankings.js';
import { EntityPage } from './pages/entity.js';
import { lazyPage } from './ui/lazy-page.js';
import { Loading } from './ui/status.js';

// The rankings and entity pages come with the app; the others when first opened (or fetched
// ahead once the browser is idle).
const network = lazyPage('network', () => import('./pages/network.js').then((m) => m.NetworkPage));
const cases = lazyPage('cases', () => import('./pages/cases.js').then((m) => m.CasesPage));
const casePage = lazyPage('case', () => import('./pages/case.js').then((m) => m.CasePage));
const models = lazyPage('models', () => import('./pages/models.js').then((m) => m.ModelsPage));
const internal = lazyPage('internal fraud', () =>
  import('./pages/internal.js').then((m) => m.InternalPage),
);

interface PageRoute {
  pattern: string;
  page: ComponentType<{ params: Record<string, string> }>;
  /** Roles that see the page; all when absent. The server enforces its own matrix. */
  roles?: readonly Role[];
}

export const pageRoutes: PageRoute[] = [
  { pattern: '/', page: RankingsPage },
  { pattern: '/entities/:type/:id', page: EntityPage },
  { pattern: '/network', page: network.page },
  { pattern: '/cases', page: cases.page },
  { pattern: '/cases/:id', page: casePage.page },
  { pattern: '/models', page: models.page },
  { pattern: '/internal', page: internal.page, roles: staffRoles },
];

interface NavItem {
  href: string;
  label: string;
  roles?: readonly Role[];
}

const nav: NavItem[] = [
  { href: '/', label: 'Rankings' },
  { href: '/network', label: 'Network' },
  { href: '/cases', label: 'Cases' },
  { href: '/models', label: 'Models' },
  { href: '/internal', label: 'Internal fraud', roles: staffRoles },
];

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

/** Once signed in and idle, the other pages' code is fetched ahead. */
function usePrefetch(signedIn: boolean) {
  useEffect(() => {
    if (!signedIn) return;
    const fetchAll = () => {
      for (const page of [network, cases, casePage, models, internal]) page.prefetch();
    };
    if ('requestIdleCallback' in window) {
      const id = requestIdleCallback(fetchAll, { timeout: 5000 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(fetchAll, 2000);
    return () => clearTimeout(timer);
  }, [signedIn]);
}

function Shell() {
  const { me, ready, signOut } = useSession();
  const location = useLocation();
  usePrefetch(me !== null);
  if (!ready) return <Loading what="ringwatch" />;
  if (!me) return <SignInPage />;

  const allowed = (roles?: readonly Role[]) => !roles || roles.includes(me.role);
  let content = (
    <section>
      <h1>Not found</h1>
      <p>
        There is no page at <code>{location.path}</code>. <Link href="/">Back to the rankings</Link>
      </p>
    </section>
  );
  for (const route of pageRoutes) {
    const params = match(route.pattern, location.path);
    if (!params) continue;
    content = allowed(route.roles) ? (
      <route.page params={params} />
    ) : (
      <section>
        <h1>Not available to your role</h1>
        <p>This page is for the internal-fraud team.</p>
      </section>
    );
    break;
  }

  const active = (href: string) =>
    href === '/'
      ? location.path === '/' || location.path.startsWith('/entities')
      : location.path.startsWith(href);

  return (
    <div class="shell">
      <header class="topbar">
        <Link href="/" class="brand">
          ringwatch
        </Link>
        <nav aria-label="Main">
          {nav
            .filter((item) => allowed(item.roles))
            .map((item) => (
              <Link
                key={item.href}
                href={item.href}
                aria-current={active(item.href) ? 'page' : undefined}
              >
                {item.label}
              </Link>
            ))}
        </nav>
        <div class="user" data-testid="user">
          <span>{me.username}</span> <span class="role">{roleNames[me.role]}</span>
          <button type="button" class="link" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main>{content}</main>
    </div>
  );
}
