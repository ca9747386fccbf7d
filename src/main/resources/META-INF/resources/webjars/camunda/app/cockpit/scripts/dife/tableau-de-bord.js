// The analysts' dashboard: a Cockpit page (#/dife-indicateurs) reached from the
// navigation and from a card on Cockpit's dashboard. Everything comes from
// GET /api/indicateurs, per association or for all the user's associations.
import {
  barresHorizontales, colonnes, COULEURS, date, dateHeure, echapper, legende, lienInstance, lire, nombre, style
} from './commun.js';

const CHEMIN = '/dife-indicateurs';

function aujourdhui() {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}

function ilYaUnAn() {
  const d = new Date();
  d.setFullYear(d.getFullYear() - 1);
  d.setDate(d.getDate() + 1);
  return d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}

function requete(filtres) {
  const p = new URLSearchParams();
  Object.entries(filtres).filter(([, v]) => v).forEach(([k, v]) => p.set(k, v));
  return p.toString();
}

function graphiqueStatuts(parStatut) {
  const enCours = parStatut.filter((s) => !s.statut.startsWith('CLOS_'));
  const clos = parStatut.filter((s) => s.statut.startsWith('CLOS_'));
  const ligne = (s, couleur) => ({ libelle: s.libelle, texte: nombre(s.nombre),
    segments: [{ valeur: s.nombre, couleur, titre: `${s.libelle} : ${s.nombre}` }] });
  return barresHorizontales(enCours.map((s) => ligne(s, COULEURS.ouverts)), { titre: 'Dossiers en cours par statut' })
    + barresHorizontales(clos.map((s) => ligne(s, COULEURS.abandon)), { titre: 'Dossiers clos par sorte de clôture' });
}

function graphiqueMois(parMois) {
  const mois = parMois.map((m) => ({
    libelle: new Date(`${m.mois}-01T12:00:00`).toLocaleDateString('fr-FR', { month: 'short', year: '2-digit' }),
    piles: [
      [{ valeur: m.ouverts, couleur: COULEURS.ouverts, titre: `${m.mois} : ${m.ouverts} ouverts` }],
      [
        { valeur: m.closFormationSuivie, couleur: COULEURS.formation, titre: `${m.mois} : ${m.closFormationSuivie} formation suivie` },
        { valeur: m.closDifeNonMobilise, couleur: COULEURS.nonMobilise, titre: `${m.mois} : ${m.closDifeNonMobilise} DIFE non mobilisé` },
        { valeur: m.closAbandon, couleur: COULEURS.abandon, titre: `${m.mois} : ${m.closAbandon} abandon` }
      ]
    ]
  }));
  return colonnes(mois, { titre: 'Dossiers ouverts et clos par mois' }) + legende([[COULEURS.ouverts, 'Ouverts'],
    [COULEURS.formation, 'Clos : formation suivie'], [COULEURS.nonMobilise, 'Clos : DIFE non mobilisé'],
    [COULEURS.abandon, 'Clos : abandon']]);
}

function graphiqueDurees(durees) {
  if (!durees.length) {
    return '<p>Aucune étape achevée dans la période.</p>';
  }
  return barresHorizontales(durees.map((d) => ({
    libelle: d.libelle,
    texte: `${nombre(d.medianeJours, 1)} j · 90 % en ${nombre(d.p90Jours, 1)} j (${nombre(d.nombre)})`,
    segments: [
      { valeur: d.medianeSecondes, couleur: COULEURS.mediane, titre: `Médiane : ${nombre(d.medianeJours, 1)} jours` },
      { valeur: Math.max(0, d.p90Secondes - d.medianeSecondes), couleur: COULEURS.p90,
        titre: `90e centile : ${nombre(d.p90Jours, 1)} jours` }
    ]
  })), { titre: 'Temps passé par étape' }) + legende([[COULEURS.mediane, 'Médiane'],
    [COULEURS.p90, 'Jusqu\'au 90e centile']]);
}

function graphiqueDelais(delais) {
  return barresHorizontales(delais.map((d) => ({
    libelle: d.libelle,
    texte: d.partTenue == null ? 'aucun délai échu' : `${nombre(d.partTenue, 1)} % tenus · ${nombre(d.manques)} manqués`
      + (d.enRetard ? ` · ${nombre(d.enRetard)} en retard` : ''),
    segments: [
      { valeur: d.tenus, couleur: COULEURS.tenus, titre: `${d.tenus} tenus` },
      { valeur: d.manques, couleur: COULEURS.manques, titre: `${d.manques} manqués` }
    ]
  })), { largeurLibelle: 300, titre: 'Délais tenus et manqués' }) + legende([[COULEURS.tenus, 'Tenus'],
    [COULEURS.manques, 'Manqués']]);
}

function tableauRetards(indicateurs) {
  if (!indicateurs.enRetard.length) {
    return '<p>Aucun dossier en retard.</p>';
  }
  const lignes = indicateurs.enRetard.map((d) => `<tr><td>${lienInstance(d.processInstanceId, d.reference)}</td>`
    + `<td>${echapper(d.association)}</td><td>${echapper(d.libelleStatut)}</td><td>${echapper(d.libelleDelai)}</td>`
    + `<td>${dateHeure(d.depasseLe)}</td><td>${nombre(d.joursDeRetard)}</td></tr>`).join('');
  return `<table class="table table-condensed dife-table dife-retards"><thead><tr><th>Dossier</th><th>Association</th>`
    + `<th>Statut</th><th>Délai dépassé</th><th>Dépassé le</th><th>Jours de retard</th></tr></thead>`
    + `<tbody>${lignes}</tbody></table>`
    + (indicateurs.nombreEnRetard > indicateurs.enRetard.length
      ? `<p>${nombre(indicateurs.enRetard.length)} premiers sur ${nombre(indicateurs.nombreEnRetard)}.</p>` : '');
}

async function afficher(noeud) {
  noeud.innerHTML = '';
  style(noeud);
  const page = document.createElement('div');
  page.className = 'dife-page dife-tableau-de-bord';
  noeud.appendChild(page);
  const tous = await lire('/api/indicateurs').catch((e) => ({ erreur: e.message }));
  if (tous.erreur) {
    page.innerHTML = `<h2>Indicateurs des dossiers DIFE</h2><p class="dife-erreur">${echapper(tous.erreur)}</p>`;
    return;
  }
  page.innerHTML = `<h2>Indicateurs des dossiers DIFE</h2>
    <form class="dife-filtres">
      <label>Association<select name="association" class="form-control">
        <option value="">Toutes mes associations</option>
        ${tous.associations.map((a) => `<option value="${echapper(a)}">${echapper(a)}</option>`).join('')}
      </select></label>
      <label>Depuis le<input type="date" name="depuis" class="form-control" value="${ilYaUnAn()}"></label>
      <label>Jusqu'au<input type="date" name="jusqua" class="form-control" value="${aujourdhui()}"></label>
      <button type="submit" class="btn btn-default">Afficher</button>
      <a class="btn btn-link dife-export-csv">Exporter (CSV)</a>
      <a class="btn btn-link dife-export-xlsx">Exporter (Excel)</a>
    </form>
    <div class="dife-contenu"></div>`;
  const formulaire = page.querySelector('form');
  const contenu = page.querySelector('.dife-contenu');
  const actualiser = async () => {
    const filtres = Object.fromEntries(new FormData(formulaire).entries());
    page.querySelector('.dife-export-csv').href = `/api/dossiers/export?format=csv&${requete(filtres)}`;
    page.querySelector('.dife-export-xlsx').href = `/api/dossiers/export?format=xlsx&${requete(filtres)}`;
    contenu.innerHTML = '<p>Calcul…</p>';
    try {
      const i = await lire(`/api/indicateurs?${requete(filtres)}`);
      const enCours = i.parStatut.filter((s) => !s.statut.startsWith('CLOS_')).reduce((n, s) => n + s.nombre, 0);
      contenu.innerHTML = `
        <div class="dife-chiffres">
          <div><strong class="dife-en-cours">${nombre(enCours)}</strong>dossiers en cours</div>
          <div><strong class="dife-nombre-retard">${nombre(i.nombreEnRetard)}</strong>en retard aujourd'hui</div>
          <div><strong>${nombre(i.parMois.reduce((n, m) => n + m.ouverts, 0))}</strong>ouverts du ${date(`${i.depuis}T12:00:00`)}
            au ${date(`${i.jusqua}T12:00:00`)}</div>
        </div>
        <section class="dife-statuts"><h3>Dossiers par statut aujourd'hui</h3>${graphiqueStatuts(i.parStatut)}</section>
        <section class="dife-mois"><h3>Ouverts et clos par mois</h3>${graphiqueMois(i.parMois)}</section>
        <section class="dife-durees"><h3>Temps passé dans chaque étape (médiane et 90e centile, en jours)</h3>
          ${graphiqueDurees(i.durees)}
          <p class="text-muted dife-resolution">Lus sur un histogramme des durées, par tranches d'au plus 25 % de
            la durée gardant chacune sa plus courte et sa plus longue : exacts quand les durées d'une tranche sont
            égales, sinon à moins d'une tranche près.</p></section>
        <section class="dife-delais"><h3>Délais tenus et manqués</h3>${graphiqueDelais(i.delais)}</section>
        <section class="dife-section-retards"><h3>Dossiers en retard aujourd'hui</h3>${tableauRetards(i)}</section>
        <p class="text-muted">Calculé le ${dateHeure(i.calculeLe)} pour ${i.associations.map(echapper).join(', ')}.</p>`;
    } catch (e) {
      contenu.innerHTML = `<p class="dife-erreur">${echapper(e.message)}</p>`;
    }
  };
  formulaire.addEventListener('submit', (e) => {
    e.preventDefault();
    actualiser();
  });
  formulaire.querySelector('select').addEventListener('change', actualiser);
  await actualiser();
}

export default [
  {
    id: 'dife-indicateurs-page',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: { path: CHEMIN, label: 'Indicateurs DIFE' },
    render: (noeud) => {
      afficher(noeud);
    }
  },
  {
    id: 'dife-indicateurs-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    properties: { path: CHEMIN, label: 'Indicateurs DIFE', pagePath: `#${CHEMIN}`, checkActive: (chemin) => chemin.includes(CHEMIN) },
    render: (noeud) => {
      noeud.innerHTML = `<a href="#${CHEMIN}" class="dife-lien-indicateurs">Indicateurs DIFE</a>`;
    }
  },
  {
    id: 'dife-indicateurs-accueil',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: async (noeud) => {
      noeud.innerHTML = '<section class="dife-page"><h3>Dossiers DIFE</h3><p>Chargement…</p></section>';
      try {
        const i = await lire('/api/indicateurs');
        const enCours = i.parStatut.filter((s) => !s.statut.startsWith('CLOS_')).reduce((n, s) => n + s.nombre, 0);
        noeud.querySelector('p').innerHTML = `${nombre(enCours)} dossiers en cours, `
          + `<strong>${nombre(i.nombreEnRetard)}</strong> en retard aujourd'hui. `
          + `<a href="#${CHEMIN}">Ouvrir le tableau de bord des indicateurs</a>`;
      } catch (e) {
        noeud.querySelector('p').textContent = e.message;
      }
    }
  }
];
