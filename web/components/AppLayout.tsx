// The signed-in frame: header (organisation, person, language, sign-out) and the left
// navigation, which collapses behind a burger on phone-sized screens.
import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { API_DOCS_PATH, NAV_GROUPS, visibleEntries, type NavEntry } from '../nav.ts';
import { onLinkClick, usePath } from '../router.tsx';
import { useSession } from '../session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { GlobalSearch } from './search/GlobalSearch.tsx';
import { NotificationBell } from './NotificationBell.tsx';

export function AppLayout({ children, onSignOut }: { children: ReactNode; onSignOut: () => void }) {
  const { t } = useTranslation();
  const { user, org } = useSession();
  const path = usePath();
  const [opened, { toggle, close }] = useDisclosure(false);
  const entries = visibleEntries(user.role);
  // Below the `sm` breakpoint (48em) a closed menu is only moved off-screen; make it inert so
  // keyboard and screen-reader users do not tab through links they cannot see.
  const phone = useMediaQuery('(max-width: 48em)');

  // A section stays highlighted on its sub-pages (/cases/… under /cases).
  const isActive = (entry: NavEntry) =>
    path === entry.path || (entry.path !== '/' && path.startsWith(`${entry.path}/`));
  const link = (entry: NavEntry) => (
    <NavLink
      key={entry.path}
      component="a"
      href={entry.path}
      label={t(entry.labelKey)}
      active={isActive(entry)}
      aria-current={isActive(entry) ? 'page' : undefined}
      onClick={(e) => onLinkClick(e, entry.path, close)}
    />
  );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              data-testid="nav-burger"
            />
            <Text fw={700} visibleFrom="xs">
              {t('app.name')}
            </Text>
            <Text c="dimmed" truncate="end" data-testid="org-name">
              {org.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <GlobalSearch />
            <NotificationBell />
            <Text size="sm" visibleFrom="sm" truncate="end" maw={200} data-testid="user-name">
              {user.name}
            </Text>
            <LanguageSwitch />
            <Button variant="subtle" size="compact-sm" onClick={onSignOut} visibleFrom="sm">
              {t('auth.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.main')} inert={phone && !opened}>
        {/* Scrolls when the entries outgrow the window (a laptop with both groups open). */}
        <AppShell.Section grow component={ScrollArea}>
          {entries.filter((e) => !e.group).map(link)}
          {NAV_GROUPS.map((group) => {
            const inGroup = entries.filter((e) => e.group === group.id);
            if (!inGroup.length) return null;
            return (
              <NavLink key={group.id} label={t(group.labelKey)} defaultOpened childrenOffset="sm">
                {inGroup.map(link)}
              </NavLink>
            );
          })}
          <NavLink
            component="a"
            href={API_DOCS_PATH}
            target="_blank"
            rel="noopener"
            label={`${t('nav.apiDocs')} ↗`}
          />
        </AppShell.Section>
        {/* On phones the header has no room for these; they live at the foot of the menu. */}
        <AppShell.Section hiddenFrom="sm" pt="sm">
          <Text size="sm" px="sm" pb="xs">
            {user.name}
          </Text>
          <Button variant="light" fullWidth onClick={onSignOut}>
            {t('auth.signOut')}
          </Button>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
