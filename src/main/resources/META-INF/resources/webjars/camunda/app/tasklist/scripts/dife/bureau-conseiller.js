/*
 * The conseiller's desk in Tasklist 7.24 (customScripts of scripts/config.js):
 * - a « Dossier » tab on every task of a dossier, with the outside events it waits for;
 * - a « Dossiers » page (tasklist.route): list, filters, search, new dossier, dossier view;
 * - navbar links to it and a search of the tasks by élu, collectivité or dossier;
 * - French dates and French form-js messages inside the task forms.
 * Everything reads and writes /api with the webapp session (and its CSRF token).
 */

const BASE = document.querySelector('base');
const API_MOTEUR = BASE.getAttribute('engine-api') + 'engine/default';
const API = '/api/dossiers';
const FUSEAU = 'Europe/Paris';
const JOUR = 24 * 60 * 60 * 1000;

// --- French dates in form-js -------------------------------------------------
// form-js 1.8.7 takes its date format from the browser's language
// (Intl.DateTimeFormat('default')): an English browser reads 01/12/2026 as
// 12 January. The webapps are French whatever the browser, so their forms are too.
const DateTimeFormatDuNavigateur = Intl.DateTimeFormat;
function DateTimeFormatFrancais(langues, options) {
  const parDefaut = langues === undefined || langues === 'default'
    || (Array.isArray(langues) && langues.length === 0);
  return new DateTimeFormatDuNavigateur(parDefaut ? 'fr-FR' : langues, options);
}
DateTimeFormatFrancais.prototype = DateTimeFormatDuNavigateur.prototype;
DateTimeFormatFrancais.supportedLocalesOf = DateTimeFormatDuNavigateur.supportedLocalesOf.bind(DateTimeFormatDuNavigateur);
Intl.DateTimeFormat = DateTimeFormatFrancais;

const CALENDRIER_FRANCAIS = {
  weekdays: {
    shorthand: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
    longhand: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi']
  },
  months: {
    shorthand: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    longhand: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
      'novembre', 'décembre']
  },
  firstDayOfWeek: 1,
  ordinal: () => '',
  rangeSeparator: ' au ',
  weekAbbreviation: 'Sem',
  scrollTitle: 'Défiler pour augmenter la valeur',
  toggleTitle: 'Cliquer pour basculer',
  time_24hr: true
};

// --- French form-js messages -------------------------------------------------
// form-js 1.8.7 writes its validation errors in English, with no translation hook:
// they are rewritten where they appear. A pattern is never shown as a regular expression.
const FORMATS = [
  [/\\d\{1,6\}\(\[\.,\]/, 'Montant en euros attendu, par exemple 1200 ou 1200,50.'],
  [/\\d\{5\}\|2\[AB/, 'Code INSEE attendu : 5 chiffres, ou 2A ou 2B suivi de 3 chiffres pour la Corse.'],
  [/https/, 'Adresse attendue, commençant par https://.']
];
const MESSAGES = [
  [/^Field is required\.$/, () => 'Ce champ est obligatoire.'],
  [/^Field must match pattern (.*)\.$/s, (m) => (FORMATS.find(([motif]) => motif.test(m[1])) || [null,
    'La saisie n\'a pas le format attendu (voir l\'aide sous le champ).'])[1]],
  [/^Field must have minimum value of (.*)\.$/, (m) => `La valeur doit être au moins ${m[1]}.`],
  [/^Field must have maximum value of (.*)\.$/, (m) => `La valeur doit être au plus ${m[1]}.`],
  [/^Field must have minimum length of (.*)\.$/, (m) => `Saisissez au moins ${m[1]} caractères.`],
  [/^Field must have maximum length of (.*)\.$/, (m) => `Saisissez au plus ${m[1]} caractères.`],
  [/^Field must be a valid +international phone number.*$/, () => 'Numéro de téléphone international attendu, par exemple +33612345678.'],
  [/^Field must be a valid email\.?$/, () => 'Adresse électronique attendue, par exemple prenom.nom@exemple.fr.'],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/,
    (m) => `Valeur non valide : les plus proches sont ${m[1]} et ${m[2]}.`]
];

function traduireMessage(texte) {
  for (const [motif, traduction] of MESSAGES) {
    const m = texte.match(motif);
    if (m) {
      return traduction(m);
    }
  }
  return null;
}

function franciserFormulaires(racine) {
  racine.querySelectorAll('.fjs-form-field-error li').forEach(li => {
    const traduit = traduireMessage(li.textContent.trim());
    if (traduit && traduit !== li.textContent) {
      li.textContent = traduit;
    }
  });
  racine.querySelectorAll('.fjs-datepicker input').forEach(champ => {
    if (champ.placeholder !== 'jj/mm/aaaa') {
      champ.placeholder = 'jj/mm/aaaa';
    }
    if (champ._flatpickr && !champ.dataset.difeCalendrier) {
      champ.dataset.difeCalendrier = 'fr';
      champ._flatpickr.set('locale', CALENDRIER_FRANCAIS);
    }
  });
  racine.querySelectorAll('.fjs-timepicker input, .fjs-taglist-input').forEach(champ => {
    if (champ.placeholder === 'Search') {
      champ.placeholder = 'Rechercher';
    }
  });
  // a refusal of the project's task listeners reaches Tasklist wrapped in the engine's English
  racine.querySelectorAll('.notifications *').forEach(noeud => {
    if (noeud.children.length === 0) {
      const m = noeud.textContent.match(/^\s*Cannot (?:submit task form|complete task) [^:]*: (?:ENGINE-03051 There was an exception while invoking the TaskListener\. Message: )?'?(?:Exception while invoking TaskListener: )?(.*?)'?\s*$/s);
      if (m) {
        noeud.textContent = m[1];
      }
    }
  });
  indiquerPriseDeTache(racine);
}

// Tasklist greys « Terminer » until the task is claimed, without saying why
function indiquerPriseDeTache(racine) {
  const terminer = racine.querySelector('button[ng-click="complete()"]');
  if (!terminer) {
    return;
  }
  const aPrendre = !!racine.querySelector('[ng-click="claim()"]');
  let indice = terminer.parentElement.querySelector('.dife-indice-prise');
  if (aPrendre && !indice) {
    indice = document.createElement('span');
    indice.className = 'dife-indice-prise';
    indice.textContent = 'Prenez d\'abord la tâche (« Prendre la tâche », en haut) pour pouvoir la terminer.';
    terminer.parentElement.insertBefore(indice, terminer);
  } else if (!aPrendre && indice) {
    indice.remove();
  }
}

let miseEnFrancaisPrevue = false;
new MutationObserver(() => {
  if (!miseEnFrancaisPrevue) {
    miseEnFrancaisPrevue = true;
    requestAnimationFrame(() => {
      miseEnFrancaisPrevue = false;
      franciserFormulaires(document);
    });
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true, attributes: true,
  attributeFilter: ['disabled']});

// --- Styles ------------------------------------------------------------------
const style = document.createElement('style');
style.textContent = `
.dife { font-size: 14px; }
.dife h3 { margin-top: 10px; }
.dife h4 { margin-top: 22px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.dife table { width: 100%; margin-bottom: 8px; }
.dife td, .dife th { padding: 4px 8px; vertical-align: top; border-bottom: 1px solid #eee; }
.dife .dife-retard { color: #b00020; font-weight: bold; }
.dife .dife-bientot { color: #a05a00; }
.dife .dife-erreur { color: #b00020; display: block; margin-top: 2px; }
.dife .dife-succes { color: #1b5e20; font-weight: bold; }
.dife .dife-evenement { border: 1px solid #9bc; border-radius: 4px; padding: 10px; margin: 8px 0; background: #f5f9fc; }
.dife .dife-champ { margin-bottom: 10px; }
.dife .dife-champ label { display: block; font-weight: bold; }
.dife .dife-champ input[type=text], .dife .dife-champ select, .dife .dife-champ textarea { width: 100%; max-width: 420px; }
.dife .dife-aide { color: #666; font-size: 12px; display: block; }
.dife .dife-filtres > * { margin-right: 14px; display: inline-block; }
.dife .dife-courriel pre { white-space: pre-wrap; background: #fafafa; border: 1px solid #eee; padding: 6px; }
.dife-page { padding: 15px 25px; position: absolute; top: 0; bottom: 0; left: 0; right: 0; overflow-y: auto; }
.dife-indice-prise { color: #a05a00; margin-right: 12px; }
.dife-recherche-elu { margin: 0 0 4px 60px; white-space: nowrap; }
.dife-recherche-elu input { width: 190px !important; display: inline-block !important; }
`;
document.head.appendChild(style);

// --- Small helpers -----------------------------------------------------------
function el(nom, attributs, ...enfants) {
  const noeud = document.createElement(nom);
  Object.entries(attributs || {}).forEach(([cle, valeur]) => {
    if (valeur === undefined || valeur === null || valeur === false) {
      return;
    }
    if (cle.startsWith('on')) {
      noeud.addEventListener(cle.substring(2), valeur);
    } else if (cle === 'className') {
      noeud.className = valeur;
    } else {
      noeud.setAttribute(cle, valeur === true ? '' : valeur);
    }
  });
  enfants.flat().forEach(enfant => {
    if (enfant !== null && enfant !== undefined && enfant !== false) {
      noeud.appendChild(enfant instanceof Node ? enfant : document.createTextNode(String(enfant)));
    }
  });
  return noeud;
}

function jetonCsrf() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : '';
}

async function appeler(methode, chemin, corps) {
  const entetes = {Accept: 'application/json'};
  if (corps !== undefined) {
    entetes['Content-Type'] = 'application/json';
  }
  if (methode !== 'GET') {
    entetes['X-XSRF-TOKEN'] = jetonCsrf();
  }
  const reponse = await fetch(chemin, {method: methode, credentials: 'same-origin', headers: entetes,
    body: corps === undefined ? undefined : JSON.stringify(corps)});
  let donnees = null;
  try {
    donnees = await reponse.json();
  } catch (e) {
    donnees = null;
  }
  return {statut: reponse.status, donnees};
}

const JOUR_PARIS = new DateTimeFormatDuNavigateur('en-CA', {timeZone: FUSEAU});
const DATE_LONGUE = new DateTimeFormatDuNavigateur('fr-FR', {timeZone: FUSEAU, day: 'numeric', month: 'long', year: 'numeric'});
const DATE_HEURE = new DateTimeFormatDuNavigateur('fr-FR', {timeZone: FUSEAU, day: '2-digit', month: '2-digit',
  year: 'numeric', hour: '2-digit', minute: '2-digit'});

function date(iso) {
  return iso ? DATE_LONGUE.format(new Date(iso)) : '';
}

function dateHeure(iso) {
  return iso ? DATE_HEURE.format(new Date(iso)) : '';
}

// whole days between today and the date, in Paris
function joursRestants(iso) {
  const jour = texte => Date.UTC(...texte.split('-').map((v, i) => Number(v) - (i === 1 ? 1 : 0)));
  return Math.round((jour(JOUR_PARIS.format(new Date(iso))) - jour(JOUR_PARIS.format(new Date()))) / JOUR);
}

function resteEnMots(iso) {
  const jours = joursRestants(iso);
  if (jours < 0) {
    return el('span', {className: 'dife-retard'}, `En retard de ${-jours} jour${jours < -1 ? 's' : ''}`);
  }
  if (jours === 0) {
    return el('span', {className: 'dife-bientot'}, 'Aujourd\'hui');
  }
  return el('span', {className: jours <= 3 ? 'dife-bientot' : ''}, `Dans ${jours} jour${jours > 1 ? 's' : ''}`);
}

function montant(valeur) {
  return valeur === null || valeur === undefined ? '' : Number(valeur).toLocaleString('fr-FR',
    {style: 'currency', currency: 'EUR'});
}

/** jj/mm/aaaa typed by the user to YYYY-MM-DD, or null when it is not a real date. */
function dateSaisie(texte) {
  const m = (texte || '').trim().match(/^(\d{2})\/(\d{2})\/(\d{4})$/);
  if (!m) {
    return null;
  }
  const [, jour, mois, annee] = m.map(Number);
  const d = new Date(Date.UTC(annee, mois - 1, jour));
  if (d.getUTCFullYear() !== annee || d.getUTCMonth() !== mois - 1 || d.getUTCDate() !== jour) {
    return null;
  }
  return `${m[3]}-${m[2]}-${m[1]}`;
}

function aujourdhuiSaisi() {
  const [annee, mois, jour] = JOUR_PARIS.format(new Date()).split('-');
  return `${jour}/${mois}/${annee}`;
}

function identifiantEvenement() {
  const aleatoire = window.crypto && window.crypto.getRandomValues
    ? Array.from(window.crypto.getRandomValues(new Uint32Array(3)), n => n.toString(36)).join('')
    : Math.random().toString(36).substring(2);
  return `tasklist-${Date.now().toString(36)}-${aleatoire}`;
}

function champ(libelle, controle, aide, cle) {
  return el('div', {className: 'dife-champ', 'data-champ': cle},
    el('label', {for: controle.id}, libelle), controle,
    aide ? el('span', {className: 'dife-aide'}, aide) : null,
    el('span', {className: 'dife-erreur', 'data-erreur': cle || controle.id}));
}

function texteSaisi(id, valeur, indication) {
  return el('input', {type: 'text', id, className: 'form-control', value: valeur || '', placeholder: indication});
}

function choixParmi(id, options, valeur) {
  const liste = el('select', {id, className: 'form-control'},
    options.map(([code, libelle]) => el('option', {value: code, selected: code === valeur}, libelle)));
  return liste;
}

// --- Outside events ------------------------------------------------------------
// each form gets its own idEvenement when it opens: a double click, or a retry after
// a network error, sends the same id and the API applies the event once
const CHAMPS_EVENEMENT = {
  REPONSE_CDC: [
    ['resolu', 'Réponse de la CDC', () => choixParmi('dife-ev-resolu', [['', '— choisir —'],
      ['oui', 'Les droits sont rétablis (résolu)'], ['non', 'Non résolu : pièces demandées, ou refus si aucune']]), null],
    ['piecesDemandees', 'Pièces demandées, une par ligne', () => el('textarea', {id: 'dife-ev-piecesDemandees',
      className: 'form-control', rows: 3}), 'Seulement si la CDC demande des pièces.']
  ],
  PROPOSITION_ORGANISME: [
    ['dateAcceptation', 'Date d\'acceptation par l\'organisme', () => texteSaisi('dife-ev-dateAcceptation', '', 'jj/mm/aaaa'), 'jj/mm/aaaa'],
    ['dateDebut', 'Début de la session', () => texteSaisi('dife-ev-dateDebut', '', 'jj/mm/aaaa'), 'jj/mm/aaaa'],
    ['dateFin', 'Fin de la session', () => texteSaisi('dife-ev-dateFin', '', 'jj/mm/aaaa'), 'jj/mm/aaaa'],
    ['coutFormation', 'Coût pédagogique (euros)', () => texteSaisi('dife-ev-coutFormation', '', 'par exemple 1200,00'), null],
    ['codeInseeLieu', 'Code INSEE du lieu de formation', () => texteSaisi('dife-ev-codeInseeLieu', '', 'par exemple 45234'), null]
  ],
  INSCRIPTION_VALIDEE: [
    ['dateValidation', 'Date de validation sur Mon Compte Formation', () => texteSaisi('dife-ev-dateValidation', aujourdhuiSaisi(), 'jj/mm/aaaa'), 'jj/mm/aaaa']
  ],
  FORMATION_ANNULEE: [
    ['signalePar', 'Annoncé par', () => choixParmi('dife-ev-signalePar', [['', '— choisir —'],
      ['ORGANISME', 'L\'organisme de formation'], ['ELU', 'L\'élu']]), null],
    ['motif', 'Motif de l\'annulation', () => el('textarea', {id: 'dife-ev-motif', className: 'form-control', rows: 2}), null]
  ],
  FORMATION_DEPLACEE: [
    ['signalePar', 'Annoncé par', () => choixParmi('dife-ev-signalePar', [['', '— choisir —'],
      ['ORGANISME', 'L\'organisme de formation'], ['ELU', 'L\'élu']]), null],
    ['dateDebut', 'Nouveau début de la session', () => texteSaisi('dife-ev-dateDebut', '', 'jj/mm/aaaa'), 'jj/mm/aaaa'],
    ['dateFin', 'Nouvelle fin de la session', () => texteSaisi('dife-ev-dateFin', '', 'jj/mm/aaaa'), 'jj/mm/aaaa']
  ]
};
const DATES_EVENEMENT = ['dateAcceptation', 'dateDebut', 'dateFin', 'dateValidation'];

function formulaireEvenement(reference, attendu, apresEnregistrement) {
  const idEvenement = identifiantEvenement();
  const champs = CHAMPS_EVENEMENT[attendu.type] || [];
  const dateEvenement = texteSaisi('dife-ev-date', aujourdhuiSaisi(), 'jj/mm/aaaa');
  const controles = {};
  const bloc = el('form', {className: 'dife-evenement', 'data-evenement': attendu.type, novalidate: true},
    el('strong', {}, attendu.libelle),
    champ('Date de l\'événement', dateEvenement, 'jj/mm/aaaa : le jour où l\'événement a eu lieu', 'date'),
    champs.map(([cle, libelle, fabrique, aide]) => {
      controles[cle] = fabrique();
      return champ(libelle, controles[cle], aide, 'donnees.' + cle);
    }));
  const message = el('div', {className: 'dife-message'});
  const enregistrer = el('button', {type: 'submit', className: 'btn btn-primary'}, 'Enregistrer l\'événement');
  const annuler = el('button', {type: 'button', className: 'btn btn-link', onclick: () => bloc.remove()}, 'Annuler');
  bloc.append(el('div', {}, enregistrer, ' ', annuler), message);

  bloc.addEventListener('submit', async evenement => {
    evenement.preventDefault();
    bloc.querySelectorAll('[data-erreur]').forEach(e => { e.textContent = ''; });
    message.textContent = '';
    const erreurs = {};
    const dateIso = dateSaisie(dateEvenement.value);
    if (!dateIso) {
      erreurs.date = 'Date attendue au format jj/mm/aaaa, par exemple 01/12/2026.';
    }
    const donnees = {};
    Object.entries(controles).forEach(([cle, controle]) => {
      const valeur = controle.value.trim();
      if (DATES_EVENEMENT.includes(cle)) {
        donnees[cle] = dateSaisie(valeur);
        if (!donnees[cle]) {
          erreurs['donnees.' + cle] = 'Date attendue au format jj/mm/aaaa, par exemple 01/12/2026.';
        }
      } else if (cle === 'resolu') {
        if (!valeur) {
          erreurs['donnees.resolu'] = 'Choisissez la réponse de la CDC.';
        }
        donnees.resolu = valeur === 'oui';
      } else if (cle === 'piecesDemandees') {
        donnees.piecesDemandees = valeur ? valeur.split('\n').map(l => l.trim()).filter(l => l) : [];
      } else if (cle === 'coutFormation') {
        donnees.coutFormation = valeur.replace(/\s/g, '').replace(',', '.');
      } else {
        donnees[cle] = valeur;
      }
    });
    if (Object.keys(erreurs).length) {
      afficherErreurs(bloc, Object.entries(erreurs).map(([c, m]) => ({champ: c, message: m})));
      return;
    }
    message.textContent = 'Enregistrement…';
    const reponse = await appeler('POST', `${API}/${encodeURIComponent(reference)}/evenements`,
      {idEvenement, type: attendu.type, date: dateIso, donnees});
    if (reponse.statut === 202 || reponse.statut === 200) {
      apresEnregistrement(`${attendu.libelle} : enregistré le ${dateHeure(new Date().toISOString())}.`);
    } else if (reponse.statut === 400 && reponse.donnees && reponse.donnees.erreurs) {
      message.textContent = '';
      afficherErreurs(bloc, reponse.donnees.erreurs);
    } else {
      message.className = 'dife-message dife-erreur';
      message.textContent = (reponse.donnees && reponse.donnees.message)
        || `L'événement n'a pas pu être enregistré (réponse ${reponse.statut}).`;
    }
  });
  return bloc;
}

function afficherErreurs(formulaire, erreurs, libelles) {
  let premiere = null;
  erreurs.forEach(({champ: cle, message}) => {
    const cible = formulaire.querySelector(`[data-erreur="${cle}"]`)
      || formulaire.querySelector('.dife-message');
    const texte = libelles && libelles[cle] ? message.replace(`« ${cle} »`, `« ${libelles[cle]} »`) : message;
    cible.textContent = cible.textContent ? `${cible.textContent} ${texte}` : texte;
    cible.classList.add('dife-erreur');
    premiere = premiere || cible;
  });
  if (premiere && premiere.scrollIntoView) {
    premiere.scrollIntoView({block: 'center'});
  }
}

// --- The dossier view (tab and page) --------------------------------------------
async function afficherDossier(conteneur, reference, annonce) {
  conteneur.replaceChildren(el('p', {}, 'Chargement du dossier…'));
  const {statut, donnees: d} = await appeler('GET', `${API}/${encodeURIComponent(reference)}`);
  if (statut !== 200) {
    conteneur.replaceChildren(el('p', {className: 'dife-erreur'},
      (d && d.message) || `Le dossier ${reference} n'a pas pu être lu (réponse ${statut}).`));
    return;
  }
  const elu = d.elu || {};
  // the engine may move on asynchronously after the event: read the dossier again a little later
  const rafraichir = message => afficherDossier(conteneur, reference, message)
    .then(() => new Promise(fin => setTimeout(fin, 2500)))
    .then(() => conteneur.isConnected && afficherDossier(conteneur, reference, message));
  const zoneFormulaire = el('div', {className: 'dife-zone-evenement'});

  const ligne = (libelle, valeur) => valeur ? el('tr', {}, el('th', {}, libelle), el('td', {}, valeur)) : null;
  const section = (titre, ...contenu) => [el('h4', {}, titre), ...contenu];

  const courriels = (d.historique || []).filter(f => f.type === 'COURRIEL');
  conteneur.replaceChildren(el('div', {className: 'dife dife-vue-dossier', 'data-reference': reference},
    el('h3', {}, `Dossier ${d.reference} — ${elu.nomNaissance || ''} ${elu.prenoms || ''}`),
    annonce ? el('p', {className: 'dife-succes', role: 'status'}, annonce) : null,
    el('p', {className: 'dife-statut'}, 'Statut : ', el('strong', {}, d.statutEnClair || d.statutDossier),
      d.dateCloture ? ` (clos le ${date(d.dateCloture)})` : '', ` — ouvert le ${date(d.dateOuverture)}`),
    d.motifCloture ? el('p', {className: 'dife-motif-cloture'}, 'Motif de la clôture : ', d.motifCloture) : null,

    section('Événements attendus',
      d.evenementsAttendus && d.evenementsAttendus.length
        ? el('div', {className: 'dife-attendus'},
          el('p', {}, 'Le dossier attend maintenant :'),
          d.evenementsAttendus.map(attendu => el('button', {type: 'button', className: 'btn btn-default',
            'data-type': attendu.type, onclick: () => zoneFormulaire.replaceChildren(
              formulaireEvenement(reference, attendu, rafraichir))},
          attendu.libelle, attendu.depuis ? ` (attendu depuis le ${date(attendu.depuis)})` : '')),
          zoneFormulaire)
        : el('p', {}, 'Aucun événement extérieur attendu à cette étape.')),

    section('L\'élu', el('table', {className: 'dife-elu'},
      ligne('Nom de naissance', elu.nomNaissance), ligne('Nom d\'usage', elu.nomUsage), ligne('Prénoms', elu.prenoms),
      ligne('Mandat', elu.mandat),
      // the commune's name from the Code officiel géographique, when the collectivity is named otherwise
      ligne('Collectivité', elu.collectivite ? `${elu.collectivite} (${elu.communeCollectivite
        && elu.communeCollectivite !== elu.collectivite ? `commune ${elu.communeCollectivite}, ` : ''}code INSEE ${
        elu.codeInseeCollectivite || ''})` : null),
      ligne('Courriel', elu.email), ligne('Téléphone mobile', elu.telephoneMobile),
      ligne('Téléphone fixe', elu.telephoneFixe), ligne('NIR', elu.nirMasque),
      ligne('Droits DIFE déclarés', d.droitsDife ? montant(d.droitsDife) : null))),

    section('Étapes en cours', d.etapes && d.etapes.length
      ? el('ul', {className: 'dife-etapes'}, d.etapes.map(e => el('li', {}, e.nom, ` (depuis le ${date(e.depuis)})`)))
      : el('p', {}, 'Aucune étape en cours.')),

    section('Échéances', d.echeances && d.echeances.length
      ? el('table', {className: 'dife-echeances'}, el('tr', {}, el('th', {}, 'Échéance'), el('th', {}, 'Date'),
        el('th', {}, 'Reste')), d.echeances.map(e => el('tr', {}, el('td', {}, e.nom), el('td', {}, dateHeure(e.date)),
        el('td', {}, resteEnMots(e.date)))))
      : el('p', {}, 'Aucune échéance en cours.')),

    section('Répartition du paiement', d.repartition
      ? el('table', {className: 'dife-repartition'},
        ligne('Coût de la formation', montant(d.repartition.coutFormation)),
        ligne('Pris en charge par le DIFE', montant(d.repartition.priseEnChargeDife)),
        ligne('Contribution de la collectivité', montant(d.repartition.contributionCollectivite)),
        ligne('Plafond de la collectivité', montant(d.repartition.plafondCollectivite)),
        ligne('Demande à la collectivité', d.demandeCollectivite),
        ligne('Reste à la charge de l\'élu', montant(d.repartition.resteAChargeElu)))
      : el('p', {}, 'Pas encore calculée : elle l\'est au choix de la formation.')),

    d.fraisThr ? section('Frais THR', el('table', {className: 'dife-frais-thr'},
      ligne('Lignes déclarées', d.fraisThr.detail ? el('pre', {}, d.fraisThr.detail) : null),
      ligne('Montants envoyés à l\'élu le', d.fraisThr.dateEnvoi ? date(d.fraisThr.dateEnvoi) : null),
      ligne('Demande déposée sur MCF le', d.fraisThr.dateDepot ? date(d.fraisThr.dateDepot) : null),
      ligne('Remboursés par la CDC le', d.fraisThr.datePaiement ? date(d.fraisThr.datePaiement) : null),
      ligne('Montant remboursé', d.fraisThr.montantPaye ? montant(d.fraisThr.montantPaye) : null),
      ligne('Écart avec le total demandé', d.fraisThr.ecart ? montant(d.fraisThr.ecart) : null))) : null,

    section('Documents enregistrés', d.documents && d.documents.length
      ? el('ul', {className: 'dife-documents'}, d.documents.map(doc => el('li', {}, `${doc.nom} : `,
        doc.pieces.join(' ; '))))
      : el('p', {}, 'Aucun document enregistré.')),

    section('Courriels envoyés', courriels.length
      ? el('div', {className: 'dife-courriels'}, courriels.map(c => el('div', {className: 'dife-courriel'},
        el('p', {}, el('strong', {}, dateHeure(c.date)), ' — ', c.description),
        c.corps ? el('pre', {}, c.corps) : null)))
      : el('p', {}, 'Aucun courriel envoyé.')),

    section('Historique', el('table', {className: 'dife-historique'},
      el('tr', {}, el('th', {}, 'Date'), el('th', {}, 'Quoi'), el('th', {}, 'Par')),
      (d.historique || []).map(f => el('tr', {}, el('td', {}, dateHeure(f.date)), el('td', {}, f.description),
        el('td', {}, f.utilisateur || '')))))
  ));
}

async function referenceDeLaTache(idTache) {
  const tache = await appeler('GET', `${API_MOTEUR}/task/${encodeURIComponent(idTache)}`);
  if (tache.statut !== 200 || !tache.donnees.processInstanceId) {
    return null;
  }
  const instance = await appeler('GET', `${API_MOTEUR}/process-instance/${tache.donnees.processInstanceId}`);
  return instance.statut === 200 ? instance.donnees.businessKey : null;
}

// --- The dossiers page -------------------------------------------------------
let statuts = null;

async function lesStatuts() {
  if (!statuts) {
    const reponse = await appeler('GET', `${API}/statuts`);
    statuts = reponse.statut === 200 ? reponse.donnees : [];
  }
  return statuts;
}

function parametresDeLaPage() {
  const requete = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(requete);
}

function allerA(parametres) {
  const texte = parametres.toString();
  window.location.hash = '#/dossiers' + (texte ? '?' + texte : '');
}

async function afficherPage(noeud) {
  const p = parametresDeLaPage();
  const page = el('div', {className: 'dife dife-page'});
  noeud.replaceChildren(page);
  const menu = el('p', {className: 'dife-menu'},
    el('a', {href: '#/dossiers'}, 'Tous les dossiers'), ' · ',
    el('a', {href: '#/dossiers?attenteEvenement=true'}, 'En attente d\'un événement'), ' · ',
    el('a', {href: '#/dossiers?nouveau=true'}, 'Nouveau dossier'), ' · ',
    el('a', {href: '#/'}, 'Retour aux tâches'));
  page.append(menu);
  const contenu = el('div');
  page.append(contenu);
  if (p.get('reference')) {
    await afficherDossier(contenu, p.get('reference'));
  } else if (p.get('nouveau')) {
    contenu.append(formulaireNouveauDossier());
  } else {
    await afficherListe(contenu, p);
  }
}

async function afficherListe(contenu, p) {
  const attente = p.get('attenteEvenement') === 'true';
  const parametres = new URLSearchParams({page: p.get('page') || '0', taille: '20'});
  ['statut', 'recherche', 'enRetard', 'attenteEvenement'].forEach(cle => {
    if (p.get(cle)) {
      parametres.set(cle, p.get(cle));
    }
  });
  const [reponse, listeStatuts] = await Promise.all([appeler('GET', `${API}?${parametres}`), lesStatuts()]);
  const recherche = el('input', {type: 'text', id: 'dife-recherche', className: 'form-control',
    value: p.get('recherche') || '', placeholder: 'Nom, prénom, commune ou référence'});
  const statut = choixParmi('dife-filtre-statut', [['', 'Tous les statuts'],
    ...listeStatuts.map(s => [s.code, s.libelle])], p.get('statut') || '');
  const enRetard = el('input', {type: 'checkbox', id: 'dife-filtre-retard', checked: p.get('enRetard') === 'true'});
  const enAttente = el('input', {type: 'checkbox', id: 'dife-filtre-attente', checked: attente});
  const filtrer = evenement => {
    evenement.preventDefault();
    const suivants = new URLSearchParams();
    if (recherche.value.trim()) {
      suivants.set('recherche', recherche.value.trim());
    }
    if (statut.value) {
      suivants.set('statut', statut.value);
    }
    if (enRetard.checked) {
      suivants.set('enRetard', 'true');
    }
    if (enAttente.checked) {
      suivants.set('attenteEvenement', 'true');
    }
    allerA(suivants);
  };
  contenu.append(...[
    el('h3', {}, attente ? 'En attente d\'un événement' : 'Les dossiers de mon association'),
    attente ? el('p', {}, 'Dossiers qui attendent La Poste, la Caisse des Dépôts ou l\'organisme de formation, '
      + 'sans aucune tâche en cours : ils ne sont dans aucun filtre de tâches.') : null,
    el('form', {className: 'dife-filtres form-inline', onsubmit: filtrer},
      el('span', {}, el('label', {for: 'dife-recherche'}, 'Rechercher '), recherche),
      el('span', {}, el('label', {for: 'dife-filtre-statut'}, 'Statut '), statut),
      el('span', {}, enRetard, el('label', {for: 'dife-filtre-retard'}, ' En retard')),
      el('span', {}, enAttente, el('label', {for: 'dife-filtre-attente'}, ' En attente d\'un événement')),
      el('button', {type: 'submit', className: 'btn btn-default'}, 'Filtrer'))].filter(Boolean));
  if (reponse.statut !== 200) {
    contenu.append(el('p', {className: 'dife-erreur'},
      (reponse.donnees && reponse.donnees.message) || `Liste indisponible (réponse ${reponse.statut}).`));
    return;
  }
  const liste = reponse.donnees;
  const pages = Math.max(1, Math.ceil(liste.total / liste.taille));
  const versPage = n => {
    const suivants = new URLSearchParams(p);
    suivants.set('page', String(n));
    allerA(suivants);
  };
  contenu.append(
    el('p', {className: 'dife-total'}, `${liste.total} dossier${liste.total > 1 ? 's' : ''}`),
    el('table', {className: 'table dife-liste'},
      el('tr', {}, ['Référence', 'Élu', 'Collectivité', 'Statut', 'Prochaine échéance'].map(t => el('th', {}, t))),
      liste.dossiers.map(r => el('tr', {'data-reference': r.reference},
        el('td', {}, el('a', {href: `#/dossiers?reference=${encodeURIComponent(r.reference)}`}, r.reference)),
        el('td', {}, `${r.nomNaissance || ''}${r.nomUsage ? ' (' + r.nomUsage + ')' : ''} ${r.prenoms || ''}`),
        el('td', {}, r.collectivite || ''),
        el('td', {}, r.statutEnClair || r.statutDossier || '',
          r.evenementsAttendus && r.evenementsAttendus.length
            ? el('span', {className: 'dife-aide'}, 'Attend : ' + r.evenementsAttendus.map(e => e.libelle).join(', '))
            : null),
        el('td', {}, r.prochaineEcheance ? [date(r.prochaineEcheance), ' ', resteEnMots(r.prochaineEcheance)] : '')))),
    el('p', {className: 'dife-pagination'},
      liste.page > 0 ? el('button', {type: 'button', className: 'btn btn-default', onclick: () => versPage(liste.page - 1)},
        'Précédente') : null,
      ` Page ${liste.page + 1} sur ${pages} `,
      liste.page + 1 < pages ? el('button', {type: 'button', className: 'btn btn-default',
        onclick: () => versPage(liste.page + 1)}, 'Suivante') : null));
}

// the fields of POST /api/dossiers, with the labels a conseiller reads
const CHAMPS_DOSSIER = [
  ['elu.nomNaissance', 'Nom de naissance', 'texte'],
  ['elu.nomUsage', 'Nom d\'usage (facultatif)', 'texte'],
  ['elu.prenoms', 'Prénoms', 'texte'],
  ['elu.dateNaissance', 'Date de naissance', 'date'],
  ['elu.lieuNaissance', 'Lieu de naissance', 'texte'],
  ['elu.nationalite', 'Nationalité (code pays, FR pour la France)', 'texte', 'FR'],
  ['elu.nir', 'NIR (numéro de sécurité sociale, facultatif)', 'texte', '', '15 caractères ; il n\'est jamais conservé en clair'],
  ['elu.email', 'Courriel', 'texte'],
  ['elu.telephoneMobile', 'Téléphone mobile', 'texte', '', '06 ou 07, dix chiffres ; un téléphone au moins'],
  ['elu.telephoneFixe', 'Téléphone fixe (facultatif)', 'texte'],
  ['elu.collectivite.nom', 'Collectivité', 'texte'],
  ['elu.collectivite.codeInsee', 'Code INSEE de la collectivité', 'texte', '', '5 chiffres, ou 2A/2B suivi de 3 chiffres'],
  ['elu.mandat', 'Mandat', 'texte', '', 'par exemple Conseillère municipale'],
  ['situation.compteFormation', 'L\'élu a un compte Mon Compte Formation', 'ouiNon'],
  ['situation.identiteNumerique', 'L\'élu a L\'Identité Numérique La Poste', 'ouiNon'],
  ['situation.franceIdentite', 'L\'élu utilise l\'application France Identité', 'ouiNon'],
  ['situation.smartphone.os', 'Smartphone', 'choix', 'ANDROID', null, [['ANDROID', 'Android'], ['IOS', 'iPhone (iOS)'],
    ['AUCUN', 'Pas de smartphone']]],
  ['situation.smartphone.version', 'Version du système du smartphone', 'texte', '', 'par exemple 13 ou 16.4 ; vide sans smartphone'],
  ['situation.pieceIdentiteFrancaiseValide', 'Pièce d\'identité française valide', 'ouiNon'],
  ['situation.cameraEtMicro', 'Ordinateur ou téléphone avec caméra et micro', 'ouiNon'],
  ['situation.preferenceCanal', 'Préférence pour l\'Identité Numérique', 'choix', 'EN_LIGNE', null,
    [['EN_LIGNE', 'En ligne'], ['BUREAU_DE_POSTE', 'Au bureau de poste']]],
  ['droitsDife', 'Droits DIFE affichés sur Mon Compte Formation (euros, facultatif)', 'texte', '', 'par exemple 700,00']
];

function formulaireNouveauDossier() {
  const controles = {};
  const libelles = {};
  const formulaire = el('form', {className: 'dife-nouveau-dossier', novalidate: true},
    el('h3', {}, 'Nouveau dossier'),
    el('p', {}, 'Les champs sans mention « facultatif » sont obligatoires. Ne saisissez jamais de mot de passe ni de code de l\'élu.'),
    CHAMPS_DOSSIER.map(([cle, libelle, sorte, defaut, aide, options]) => {
      const id = 'dife-nd-' + cle.replace(/\./g, '-');
      libelles[cle] = libelle;
      if (sorte === 'ouiNon') {
        controles[cle] = choixParmi(id, [['', '— choisir —'], ['true', 'Oui'], ['false', 'Non']], '');
      } else if (sorte === 'choix') {
        controles[cle] = choixParmi(id, options, defaut);
      } else {
        controles[cle] = texteSaisi(id, defaut, sorte === 'date' ? 'jj/mm/aaaa' : '');
      }
      return champ(libelle, controles[cle], sorte === 'date' ? 'jj/mm/aaaa, par exemple 12/04/1971' : aide, cle);
    }));
  const message = el('div', {className: 'dife-message'});
  formulaire.append(el('button', {type: 'submit', className: 'btn btn-primary'}, 'Ouvrir le dossier'), message);

  formulaire.addEventListener('submit', async evenement => {
    evenement.preventDefault();
    formulaire.querySelectorAll('[data-erreur]').forEach(e => { e.textContent = ''; });
    message.textContent = '';
    message.className = 'dife-message';
    const corps = {};
    const erreurs = [];
    Object.entries(controles).forEach(([cle, controle]) => {
      let valeur = controle.value.trim();
      if (valeur === '') {
        return;
      }
      if (CHAMPS_DOSSIER.find(c => c[0] === cle)[2] === 'date') {
        const iso = dateSaisie(valeur);
        if (!iso) {
          erreurs.push({champ: cle, message: 'Date attendue au format jj/mm/aaaa, par exemple 12/04/1971.'});
          return;
        }
        valeur = iso;
      }
      if (cle === 'droitsDife') {
        valeur = valeur.replace(/\s/g, '').replace(',', '.');
      }
      if (valeur === 'true' || valeur === 'false') {
        valeur = valeur === 'true';
      }
      const chemin = cle.split('.');
      let objet = corps;
      chemin.slice(0, -1).forEach(partie => { objet = objet[partie] = objet[partie] || {}; });
      objet[chemin[chemin.length - 1]] = valeur;
    });
    if (erreurs.length) {
      afficherErreurs(formulaire, erreurs, libelles);
      return;
    }
    message.textContent = 'Ouverture du dossier…';
    const reponse = await appeler('POST', API, corps);
    if (reponse.statut === 201) {
      const reference = reponse.donnees.reference;
      formulaire.replaceChildren(el('div', {className: 'dife-succes dife-dossier-ouvert'},
        el('p', {}, `Dossier ${reference} ouvert.`),
        (reponse.donnees.avertissements || []).map(a => el('p', {className: 'dife-bientot'}, a.message || a)),
        el('a', {className: 'btn btn-primary', href: `#/dossiers?reference=${encodeURIComponent(reference)}`},
          `Ouvrir le dossier ${reference}`)));
    } else if (reponse.statut === 400 && reponse.donnees && reponse.donnees.erreurs) {
      message.textContent = 'Le dossier n\'est pas ouvert : corrigez les champs signalés.';
      message.className = 'dife-message dife-erreur';
      afficherErreurs(formulaire, reponse.donnees.erreurs, libelles);
    } else {
      message.className = 'dife-message dife-erreur';
      message.textContent = (reponse.donnees && reponse.donnees.message)
        || `Le dossier n'a pas pu être ouvert (réponse ${reponse.statut}).`;
    }
  });
  return formulaire;
}

// --- Task search by élu --------------------------------------------------------
// Tasklist's own search needs a variable's name and exact case; this box searches the
// variable « recherche » that every process of a dossier carries (élu, collectivité and
// reference in lower case) through the same URL parameter, which Tasklist then shows.
function rechercheParElu(noeud) {
  const p = new URLSearchParams(window.location.hash.split('?')[1] || '');
  let actuelle = '';
  try {
    const critere = JSON.parse(p.get('searchQuery') || '[]').find(c => c.name === 'recherche');
    actuelle = critere ? critere.value : '';
  } catch (e) {
    actuelle = '';
  }
  const saisie = el('input', {type: 'text', id: 'dife-recherche-taches', className: 'form-control input-sm',
    value: actuelle, placeholder: 'Rechercher un élu, une commune ou un dossier'});
  const formulaire = el('form', {className: 'dife-recherche-elu form-inline', onsubmit: evenement => {
    evenement.preventDefault();
    const suivants = new URLSearchParams(window.location.hash.split('?')[1] || '');
    const texte = saisie.value.trim().toLowerCase();
    if (texte) {
      suivants.set('searchQuery', JSON.stringify([
        {type: 'processVariables', operator: 'like', value: texte, name: 'recherche'}]));
    } else {
      suivants.delete('searchQuery');
    }
    window.location.hash = '#/?' + suivants.toString();
  }}, saisie, ' ', el('button', {type: 'submit', className: 'btn btn-default btn-sm'}, 'Rechercher'));
  noeud.replaceChildren(formulaire);
}

export default [
  {
    id: 'dife-onglet-dossier',
    pluginPoint: 'tasklist.task.detail',
    priority: 900,
    label: 'Dossier',
    render: (noeud, {taskId}) => {
      const conteneur = el('div', {className: 'dife-onglet-dossier'});
      noeud.replaceChildren(conteneur);
      referenceDeLaTache(taskId).then(reference => reference
        ? afficherDossier(conteneur, reference)
        : conteneur.replaceChildren(el('p', {}, 'Cette tâche n\'appartient à aucun dossier.')));
    }
  },
  {
    id: 'dife-page-dossiers',
    pluginPoint: 'tasklist.route',
    properties: {path: '/dossiers'},
    render: noeud => { afficherPage(noeud); }
  },
  ...[['dife-nav-dossiers', '#/dossiers', 'Dossiers'],
    ['dife-nav-attente', '#/dossiers?attenteEvenement=true', 'En attente d\'un événement'],
    ['dife-nav-nouveau', '#/dossiers?nouveau=true', 'Nouveau dossier']].map(([id, adresse, libelle], rang) => ({
    id,
    pluginPoint: 'tasklist.navbar.action',
    priority: 300 - rang,
    render: noeud => noeud.replaceChildren(el('a', {href: adresse, className: id}, libelle))
  })),
  {
    id: 'dife-recherche-elu',
    pluginPoint: 'tasklist.header',
    priority: 100,
    render: noeud => {
      rechercheParElu(noeud);
      window.addEventListener('hashchange', () => {
        if (noeud.isConnected && !noeud.contains(document.activeElement)) {
          rechercheParElu(noeud);
        }
      });
    }
  }
];
