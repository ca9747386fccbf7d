// Shared by the DIFE Cockpit plugins: calls to /api with the webapp session, French
// formats, and small SVG charts drawn by hand (no charting library to keep up to date).

const PARIS = { timeZone: 'Europe/Paris' };

function jetonXsrf() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/** GET on /api as the logged-in user; the CSRF header rides along as on every webapp call. */
export async function lire(chemin) {
  const reponse = await fetch(chemin, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': jetonXsrf() }
  });
  if (!reponse.ok) {
    let message = `Erreur ${reponse.status}`;
    try {
      const corps = await reponse.json();
      message = corps.message || (corps.erreurs || []).map((e) => e.message).join(' ') || message;
    } catch (e) {
      // not JSON: keep the status
    }
    throw new Error(message);
  }
  return reponse.json();
}

export function echapper(texte) {
  return String(texte == null ? '' : texte).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export function date(iso) {
  return iso ? new Date(iso).toLocaleDateString('fr-FR', PARIS) : '';
}

export function dateHeure(iso) {
  return iso ? new Date(iso).toLocaleString('fr-FR', { ...PARIS, dateStyle: 'short', timeStyle: 'short' }) : '';
}

export function nombre(n, decimales = 0) {
  return Number(n).toLocaleString('fr-FR', { minimumFractionDigits: decimales, maximumFractionDigits: decimales });
}

export const LIBELLES_STATUT = {
  OUVERT: 'Ouvert', COMPTE_FORMATION: 'Compte Mon Compte Formation', IDENTITE_NUMERIQUE: 'Identité Numérique',
  VERIFICATION_DROITS: 'Vérification des droits', ESCALADE_CDC: 'Escalade CDC', CHOIX_FORMATION: 'Choix de la formation',
  INSCRIPTION: 'Inscription', ATTENTE_PROPOSITION: 'Attente de la proposition', VALIDATION: 'Validation',
  EN_FORMATION: 'En formation', FRAIS_THR: 'Frais THR', CLOS_FORMATION_SUIVIE: 'Clos : formation suivie',
  CLOS_DIFE_NON_MOBILISE: 'Clos : DIFE non mobilisé', CLOS_ABANDON: 'Clos : abandon'
};

export const COULEURS = {
  ouverts: '#1f6fb2', formation: '#2e8540', nonMobilise: '#e08a00', abandon: '#8a8a8a',
  tenus: '#2e8540', manques: '#c0392b', mediane: '#1f6fb2', p90: '#9cc3e6'
};

/** The Cockpit page of a running dossier (Community Edition opens no finished instance). */
export function lienInstance(processInstanceId, texte) {
  return `<a href="#/process-instance/${encodeURIComponent(processInstanceId)}/runtime">${echapper(texte)}</a>`;
}

/**
 * Horizontal bars, one line per entry: {libelle, segments: [{valeur, couleur, titre}], texte}.
 * Segments are stacked; the scale is the longest line.
 */
export function barresHorizontales(lignes, { largeurLibelle = 230, largeur = 860, hauteurLigne = 24, titre } = {}) {
  const max = Math.max(1, ...lignes.map((l) => l.segments.reduce((s, g) => s + g.valeur, 0)));
  const utile = largeur - largeurLibelle - 230;
  const hauteur = lignes.length * hauteurLigne + 8;
  const corps = lignes.map((ligne, i) => {
    const y = i * hauteurLigne + 4;
    let x = largeurLibelle;
    const rects = ligne.segments.filter((g) => g.valeur > 0).map((g) => {
      const w = Math.max(1, (g.valeur / max) * utile);
      const rect = `<rect x="${x}" y="${y}" width="${w}" height="${hauteurLigne - 8}" fill="${g.couleur}">`
        + `<title>${echapper(g.titre)}</title></rect>`;
      x += w;
      return rect;
    }).join('');
    return `<text x="${largeurLibelle - 8}" y="${y + hauteurLigne / 2}" text-anchor="end" dominant-baseline="middle" `
      + `font-size="12">${echapper(ligne.libelle)}</text>${rects}`
      + `<text x="${x + 6}" y="${y + hauteurLigne / 2}" dominant-baseline="middle" font-size="12">${echapper(ligne.texte)}</text>`;
  }).join('');
  return `<svg class="dife-graphique" role="img" aria-label="${echapper(titre)}" width="${largeur}" height="${hauteur}" `
    + `viewBox="0 0 ${largeur} ${hauteur}" xmlns="http://www.w3.org/2000/svg">${corps}</svg>`;
}

/** Vertical stacked bars per column: {libelle, piles: [[{valeur, couleur, titre}]]}, several piles side by side. */
export function colonnes(colonnesDonnees, { largeur = 720, hauteur = 220, titre } = {}) {
  const marge = 30;
  const bas = hauteur - 40;
  const max = Math.max(1, ...colonnesDonnees.flatMap((c) => c.piles.map((p) => p.reduce((s, g) => s + g.valeur, 0))));
  const pas = (largeur - marge) / Math.max(1, colonnesDonnees.length);
  const largeurPile = Math.min(28, (pas - 8) / Math.max(1, colonnesDonnees[0] ? colonnesDonnees[0].piles.length : 1));
  const corps = colonnesDonnees.map((colonne, i) => {
    const x0 = marge + i * pas + 4;
    const piles = colonne.piles.map((pile, j) => {
      let y = bas;
      return pile.filter((g) => g.valeur > 0).map((g) => {
        const h = (g.valeur / max) * (bas - 10);
        y -= h;
        return `<rect x="${x0 + j * largeurPile}" y="${y}" width="${largeurPile - 2}" height="${h}" fill="${g.couleur}">`
          + `<title>${echapper(g.titre)}</title></rect>`;
      }).join('');
    }).join('');
    return `${piles}<text x="${x0 + (pas - 8) / 2}" y="${bas + 16}" text-anchor="middle" font-size="11">`
      + `${echapper(colonne.libelle)}</text>`;
  }).join('');
  const axe = `<line x1="${marge}" y1="${bas}" x2="${largeur}" y2="${bas}" stroke="#999"/>`
    + `<text x="${marge - 4}" y="14" text-anchor="end" font-size="11">${nombre(max)}</text>`;
  return `<svg class="dife-graphique" role="img" aria-label="${echapper(titre)}" width="${largeur}" height="${hauteur}" `
    + `viewBox="0 0 ${largeur} ${hauteur}" xmlns="http://www.w3.org/2000/svg">${axe}${corps}</svg>`;
}

export function legende(entrees) {
  return `<p class="dife-legende">${entrees.map(([couleur, texte]) => `<span><span class="dife-pastille" `
    + `style="background:${couleur}"></span>${echapper(texte)}</span>`).join(' ')}</p>`;
}

export const STYLE = `
.dife-page { padding: 16px 24px; }
.dife-page h2 { margin-top: 0; }
.dife-page section { margin: 18px 0 26px; }
.dife-page h3 { font-size: 16px; margin-bottom: 6px; }
.dife-filtres { display: flex; gap: 14px; align-items: flex-end; flex-wrap: wrap; margin-bottom: 10px; }
.dife-filtres label { display: flex; flex-direction: column; font-weight: normal; font-size: 12px; }
.dife-legende { font-size: 12px; color: #444; }
.dife-legende > span { margin-right: 14px; }
.dife-pastille { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
.dife-erreur { color: #c0392b; }
.dife-table td, .dife-table th { padding: 3px 10px 3px 0; }
.dife-chiffres { display: flex; gap: 24px; }
.dife-chiffres div { font-size: 13px; }
.dife-chiffres strong { display: block; font-size: 22px; }
`;

export function style(noeud) {
  const balise = document.createElement('style');
  balise.textContent = STYLE;
  noeud.appendChild(balise);
}
