// Regenerates the project's list of communes (src/main/resources/referentiel/communes.csv)
// from the Code officiel géographique as Etalab publishes it on npm. Run with
// `npm ci && npm run generer` in this folder; a new millésime is a new pinned version
// in package.json, then a commit of the regenerated file.
'use strict';

const fs = require('fs');
const path = require('path');

const PAQUET = '@etalab/decoupage-administratif';
const version = require(`${PAQUET}/package.json`).version;
const communes = require(`${PAQUET}/data/communes.json`);
const epci = require(`${PAQUET}/data/epci.json`);

const PARIS = '75056';
// SIREN of the Métropole du Grand Paris (décret n° 2015-1212)
const METROPOLE_GRAND_PARIS = '200054781';
// the fonction publique's threshold that the night allowance's figures come from (docs/DOMAIN.md R8)
const SEUIL_GRANDE_VILLE = 200000;

const TYPES = {
  'commune-actuelle': 'COM',
  'commune-deleguee': 'COMD',
  'commune-associee': 'COMA',
  'arrondissement-municipal': 'ARM'
};

const metropole = epci.find(e => e.code === METROPOLE_GRAND_PARIS);
if (!metropole) {
  throw new Error(`La Métropole du Grand Paris (${METROPOLE_GRAND_PARIS}) manque aux EPCI de ${PAQUET} ${version}`);
}
const membresMetropole = new Set(metropole.membres.map(m => m.code));

const actuelles = new Map(communes.filter(c => c.type === 'commune-actuelle').map(c => [c.code, c]));

function rattachement(commune) {
  return commune.type === 'arrondissement-municipal' ? commune.commune : commune.chefLieu || '';
}

function categorie(code, population) {
  if (code === PARIS) {
    return 'PARIS';
  }
  if (membresMetropole.has(code)) {
    return 'GRAND_PARIS';
  }
  return population >= SEUIL_GRANDE_VILLE ? 'GRANDE_VILLE' : 'AUTRE';
}

// a night in a commune déléguée or associée or an arrondissement is a night in the commune it belongs to
function categorieDe(commune) {
  const mere = commune.type === 'commune-actuelle' ? commune : actuelles.get(rattachement(commune));
  if (!mere) {
    throw new Error(`${commune.code} ${commune.nom} : commune de rattachement ${rattachement(commune)} introuvable`);
  }
  return categorie(mere.code, mere.population || 0);
}

const parCode = new Map();
for (const commune of communes) {
  const type = TYPES[commune.type];
  if (!type) {
    throw new Error(`${commune.code} ${commune.nom} : type ${commune.type} inconnu`);
  }
  // a commune nouvelle often keeps the code of its chef-lieu, also listed as a commune déléguée
  const deja = parCode.get(commune.code);
  if (deja && deja.type === 'COM') {
    continue;
  }
  parCode.set(commune.code, {
    code: commune.code,
    nom: commune.nom,
    type,
    population: commune.population === undefined ? '' : String(commune.population),
    rattachement: type === 'COM' ? '' : rattachement(commune),
    categorie: categorieDe(commune)
  });
}

for (const ligne of parCode.values()) {
  if (ligne.nom.includes(';')) {
    throw new Error(`${ligne.code} : nom avec un point-virgule`);
  }
}

const lignes = [...parCode.values()].sort((a, b) => a.code.localeCompare(b.code))
  .map(c => [c.code, c.nom, c.type, c.population, c.rattachement, c.categorie].join(';'));

const entete = `# Communes du Code officiel géographique de l'INSEE, par code commune INSEE.
# Source : paquet npm ${PAQUET} ${version} (Etalab, licence ouverte ; COG, populations légales
# de l'INSEE, EPCI de la DGCL), https://github.com/datagouv/decoupage-administratif
# Généré par scripts/communes/generer.js : ne pas modifier à la main ; pour un nouveau millésime,
# changer la version dans scripts/communes/package.json puis « npm install && npm run generer ».
#
# type : COM commune, COMD commune déléguée, COMA commune associée, ARM arrondissement municipal.
# population : population municipale publiée avec le COG (vide pour COMD et COMA).
# rattachement : la commune dont relève une commune déléguée, associée ou un arrondissement.
# categorie : celle de la nuitée des frais THR (docs/DOMAIN.md R8), de la commune de rattachement
#   pour COMD, COMA et ARM : PARIS (${PARIS}) ; GRAND_PARIS, membre de la Métropole du Grand
#   Paris (EPCI ${METROPOLE_GRAND_PARIS}, ${membresMetropole.size} communes avec Paris) ; GRANDE_VILLE,
#   ${SEUIL_GRANDE_VILLE} habitants ou plus ; AUTRE, le taux de base.
#
# code_insee;nom;type;population;rattachement;categorie
`;

const cible = path.join(__dirname, '..', '..', 'src', 'main', 'resources', 'referentiel', 'communes.csv');
fs.writeFileSync(cible, entete + lignes.join('\n') + '\n');
console.log(`${lignes.length} communes écrites dans ${path.relative(process.cwd(), cible)} (${PAQUET} ${version})`);
