import { StructureTypeName } from '@passerelle/contracts';

export interface Prison {
  code: string;
  name: string;
}

export interface DemoDepartement {
  code: string;
  name: string;
  prisons: Prison[];
  /** Communes where the structures are, matched against a request's preferred territories. */
  communes: string[];
}

/**
 * The territory `npm start` loads: three départements with two real prisons each. The people and
 * the structures are made up (seeded, so the same every time); the prisons and communes are real.
 */
export const DEMO_DEPARTEMENTS: DemoDepartement[] = [
  {
    code: '13',
    name: 'Bouches-du-Rhône',
    prisons: [
      { code: 'CP-MARSEILLE', name: 'Centre pénitentiaire de Marseille (Baumettes)' },
      { code: 'CP-AIX-LUYNES', name: "Centre pénitentiaire d'Aix-Luynes" },
    ],
    communes: ['Marseille', 'Aix-en-Provence', 'Arles', 'Martigues', 'Aubagne', 'Salon-de-Provence', 'Istres', 'Vitrolles'],
  },
  {
    code: '31',
    name: 'Haute-Garonne',
    prisons: [
      { code: 'CP-TOULOUSE-SEYSSES', name: 'Centre pénitentiaire de Toulouse-Seysses' },
      { code: 'CD-MURET', name: 'Centre de détention de Muret' },
    ],
    communes: ['Toulouse', 'Muret', 'Colomiers', 'Blagnac', 'Tournefeuille', 'Saint-Gaudens'],
  },
  {
    code: '59',
    name: 'Nord',
    prisons: [
      { code: 'MA-LILLE-SEQUEDIN', name: "Maison d'arrêt de Lille-Sequedin" },
      { code: 'CP-LILLE-ANNOEULLIN', name: 'Centre pénitentiaire de Lille-Annœullin' },
    ],
    communes: ['Lille', 'Roubaix', 'Tourcoing', 'Valenciennes', 'Douai', 'Dunkerque', 'Maubeuge', "Villeneuve-d'Ascq"],
  },
];

export const DEMO_DEPARTEMENT_CODES = DEMO_DEPARTEMENTS.map((departement) => departement.code);

/** How large the demo is: about 1,500 detentions released over the next 18 months, 60 structures. */
export const DEMO_SIZE = { detentionsPerPrison: 250, structuresPerDepartement: 20, releaseWithinDays: 548 };

export const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent',
  'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'Andre', 'Mercier',
  'Dupont', 'Lambert', 'Bonnet', 'Francois', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guerin', 'Muller',
  'Henry', 'Roussel', 'Nicolas', 'Perrin', 'Morin', 'Mathieu', 'Clement', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier',
  'Benali', 'Haddad', 'Mansouri', 'Diallo', 'Traoré', 'Kone', 'Nguyen', 'Da Silva', 'Ferreira', 'Rodrigues', 'Cissé', 'Belkacem',
];
export const FIRST_NAMES_MEN = [
  'Karim', 'Julien', 'Mehdi', 'Thomas', 'Nicolas', 'Kevin', 'Sofiane', 'Mamadou', 'Yanis', 'Anthony', 'Jérôme', 'David',
  'Rachid', 'Sébastien', 'Florian', 'Moussa', 'Christophe', 'Bilal', 'Maxime', 'Romain', 'Samir', 'Laurent', 'Ibrahim', 'Jordan',
];
export const FIRST_NAMES_WOMEN = ['Léa', 'Sarah', 'Nadia', 'Julie', 'Aïcha', 'Céline', 'Fatou', 'Laura', 'Sandrine', 'Inès', 'Émilie', 'Samia'];

export interface StructureKind {
  type: StructureTypeName;
  label: string;
  capacity: [number, number];
  reserved: [number, number];
  volantes: [number, number];
}

/** The kinds of structure of a département, with how often each is found and its usual size. */
export const STRUCTURE_KINDS: ReadonlyArray<readonly [StructureKind, number]> = [
  [{ type: 'chrs', label: 'CHRS', capacity: [20, 60], reserved: [2, 6], volantes: [0, 2] }, 8],
  [{ type: 'residence_sociale', label: 'Résidence sociale', capacity: [30, 80], reserved: [1, 3], volantes: [0, 0] }, 3],
  [{ type: 'pension_de_famille', label: 'Pension de famille', capacity: [15, 25], reserved: [1, 2], volantes: [0, 0] }, 3],
  [{ type: 'iml', label: 'IML', capacity: [10, 30], reserved: [2, 4], volantes: [0, 0] }, 2],
  [{ type: 'chu', label: 'CHU', capacity: [30, 80], reserved: [1, 3], volantes: [2, 4] }, 2],
  [{ type: 'appartement_sas', label: 'Appartement SAS', capacity: [4, 6], reserved: [3, 3], volantes: [1, 1] }, 1],
  [{ type: 'logement', label: 'Logement accompagné', capacity: [10, 20], reserved: [1, 2], volantes: [0, 0] }, 1],
];

export const STRUCTURE_NAMES = [
  'Les Lauriers', 'Saint-Louis', "L'Escale", 'Le Phare', 'La Traverse', 'Les Tilleuls', 'Le Relais', 'La Passerelle du Port',
  "L'Abri", 'Les Glycines', 'Le Fil d\'Ariane', 'La Boussole', 'Les Oliviers', 'Le Cap', 'La Maison Ouverte', 'Les Acacias',
  'Le Pont', 'Horizon', 'La Source', 'Les Mouettes',
];
