import { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Role, ROLE_LABELS } from '../session/session';
import { useSession } from '../session/session-context';

const NAVIGATION: Record<Role, { text: string; to: string }[]> = {
  spip: [{ text: 'Sorties à venir', to: '/spip' }],
  siao: [
    { text: 'File d’examen', to: '/commission' },
    { text: 'Commissions', to: '/commission/sessions' },
    { text: 'Places', to: '/commission/places' },
  ],
  structure: [{ text: 'Orientations reçues', to: '/structure' }],
  prefecture: [{ text: 'Tableau de bord', to: '/prefecture' }],
  admin: [
    { text: 'Sorties à venir', to: '/spip' },
    { text: 'File d’examen', to: '/commission' },
    { text: 'Tableau de bord', to: '/prefecture' },
  ],
};

/** The State's header and footer around every screen, with the user's navigation. */
export function Shell({ children }: { children: ReactNode }) {
  const { session, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const items = session ? NAVIGATION[session.role] : [];
  return (
    <>
      <Header
        brandTop={<>Ministère<br />de la Justice</>}
        homeLinkProps={{ href: '/', title: 'Accueil — Passerelle' }}
        serviceTitle="Passerelle"
        serviceTagline="Préparer chaque sortie de détention avec le SIAO"
        quickAccessItems={
          session
            ? [
                { iconId: 'fr-icon-account-circle-line', text: `${ROLE_LABELS[session.role]} · ${session.departements.join(', ') || 'national'}`, linkProps: { href: '#' } },
                { iconId: 'fr-icon-logout-box-r-line', text: 'Changer de profil', buttonProps: { onClick: () => { signOut(); navigate('/connexion'); } } },
              ]
            : []
        }
        navigation={items.map((item) => ({
          text: item.text,
          linkProps: { to: item.to },
          isActive: location.pathname === item.to || (item.to !== '/commission' && location.pathname.startsWith(`${item.to}/`)),
        }))}
      />
      <main id="contenu" tabIndex={-1} className="fr-container fr-py-4w">{children}</main>
      <Footer
        accessibility="partially compliant"
        contentDescription="Passerelle coordonne les SPIP et les SIAO pour qu’aucune sortie de détention ne se fasse sans solution d’hébergement."
        bottomItems={[]}
      />
    </>
  );
}
