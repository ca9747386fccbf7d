// The « Dossiers » tab of the dife-parcours definition page: one line per dossier,
// running or closed, where Cockpit lists process instances (called ones included).
import { dateHeure, echapper, LIBELLES_STATUT, lienInstance, lire, nombre, style } from './commun.js';

const TAILLE = 50;

async function afficher(noeud) {
  noeud.innerHTML = '';
  style(noeud);
  const page = document.createElement('div');
  page.className = 'dife-page dife-onglet-dossiers';
  noeud.appendChild(page);
  const perimetre = await lire('/api/indicateurs').catch(() => ({ associations: [] }));
  page.innerHTML = `
    <form class="dife-filtres">
      <label>Association<select name="association" class="form-control">
        <option value="">Toutes mes associations</option>
        ${perimetre.associations.map((a) => `<option value="${echapper(a)}">${echapper(a)}</option>`).join('')}
      </select></label>
      <label>Statut<select name="statut" class="form-control"><option value="">Tous les statuts</option>
        ${Object.entries(LIBELLES_STATUT).map(([s, l]) => `<option value="${s}">${echapper(l)}</option>`).join('')}
      </select></label>
      <label>État<select name="etat" class="form-control"><option value="">En cours et clos</option>
        <option value="EN_COURS">En cours</option><option value="CLOS">Clos</option></select></label>
    </form>
    <div class="dife-liste"></div>`;
  const formulaire = page.querySelector('form');
  const liste = page.querySelector('.dife-liste');
  let numero = 0;
  const actualiser = async () => {
    const p = new URLSearchParams();
    new FormData(formulaire).forEach((v, k) => v && p.set(k, v));
    p.set('page', numero);
    p.set('taille', TAILLE);
    try {
      const resultat = await lire(`/api/indicateurs/dossiers?${p}`);
      const lignes = resultat.dossiers.map((d) => `<tr class="dife-dossier">
          <td>${d.dateCloture ? echapper(d.reference) : lienInstance(d.processInstanceId, d.reference)}</td>
          <td>${echapper(d.association)}</td><td>${echapper(d.libelleStatut)}</td><td>${echapper(d.etapeEnCours)}</td>
          <td>${dateHeure(d.depuis)}</td><td>${d.dateCloture ? `clos le ${dateHeure(d.dateCloture)}` : nombre(d.joursDansEtape)}</td>
        </tr>`).join('');
      const premier = resultat.total === 0 ? 0 : numero * TAILLE + 1;
      liste.innerHTML = `<p class="dife-total">${nombre(resultat.total)} dossiers`
        + (resultat.total > TAILLE ? ` (${premier} à ${Math.min(resultat.total, (numero + 1) * TAILLE)})` : '') + `</p>
        <table class="table table-condensed dife-table"><thead><tr><th>Référence</th><th>Association</th><th>Statut</th>
          <th>Étape en cours</th><th>Depuis le</th><th>Jours dans l'étape</th></tr></thead><tbody>${lignes}</tbody></table>
        <button type="button" class="btn btn-default dife-precedents" ${numero === 0 ? 'disabled' : ''}>Précédents</button>
        <button type="button" class="btn btn-default dife-suivants"
          ${(numero + 1) * TAILLE >= resultat.total ? 'disabled' : ''}>Suivants</button>`;
      liste.querySelector('.dife-precedents').onclick = () => { numero -= 1; actualiser(); };
      liste.querySelector('.dife-suivants').onclick = () => { numero += 1; actualiser(); };
    } catch (e) {
      liste.innerHTML = `<p class="dife-erreur">${echapper(e.message)}</p>`;
    }
  };
  formulaire.addEventListener('change', () => { numero = 0; actualiser(); });
  await actualiser();
}

export default {
  id: 'dife-onglet-dossiers',
  pluginPoint: 'cockpit.processDefinition.runtime.tab',
  priority: 100,
  properties: { label: 'Dossiers' },
  render: (noeud, { processDefinitionId }) => {
    if (String(processDefinitionId).startsWith('dife-parcours:')) {
      afficher(noeud);
    } else {
      noeud.innerHTML = '<p class="dife-page">Les dossiers se lisent sur la définition du parcours (dife-parcours).</p>';
    }
  }
};
