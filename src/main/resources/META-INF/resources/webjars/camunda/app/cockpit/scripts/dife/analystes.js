// Analysts only read: Cockpit would still show them its actions (suspend, cancel,
// retry, edit or delete) and answer 403 on each. For a user whose only DIFE group
// is « analystes », those controls are hidden; the engine refuses them anyway.
const APP_ROOT = document.querySelector('base').getAttribute('app-root');
const GROUPES_QUI_AGISSENT = ['camunda-admin', 'superviseurs', 'conseillers'];

const STYLE = `
body.dife-analyste .ctn-toolbar,
body.dife-analyste .delete-deployment,
body.dife-analyste [ng-click^="editVariableValue"],
body.dife-analyste [ng-click^="deleteVariable"],
body.dife-analyste [ng-click^="uploadVariable"],
body.dife-analyste [ng-click^="enableEditMode"],
body.dife-analyste [ng-click^="startEditing"],
body.dife-analyste [ng-click^="ctrl.toggleSuspension"],
body.dife-analyste [ng-click^="ctrl.retryJob"],
body.dife-analyste [ng-click^="ctrl.retryAll"],
body.dife-analyste [ng-click^="ctrl.deleteJob"],
body.dife-analyste [ng-click^="ctrl.openDeleteModal"],
body.dife-analyste [ng-click^="openBatchOperation"] { display: none !important; }
`;

let verifiePour = null;

// Cockpit logs in and out without reloading the page: checked again when the view changes
async function marquerLesAnalystes() {
  const utilisateur = await fetch(`${APP_ROOT}/api/admin/auth/user/default`, { credentials: 'same-origin' });
  if (!utilisateur.ok) {
    verifiePour = null;
    document.body.classList.remove('dife-analyste');
    return;
  }
  const { userId } = await utilisateur.json();
  if (userId === verifiePour) {
    return;
  }
  verifiePour = userId;
  const reponse = await fetch(`${APP_ROOT}/api/engine/engine/default/identity/groups?userId=${encodeURIComponent(userId)}`,
    { credentials: 'same-origin' });
  if (!reponse.ok) {
    return;
  }
  const groupes = (await reponse.json()).groups.map((g) => g.id);
  document.body.classList.toggle('dife-analyste',
    groupes.includes('analystes') && !groupes.some((g) => GROUPES_QUI_AGISSENT.includes(g)));
}

const style = document.createElement('style');
style.textContent = STYLE;
document.head.appendChild(style);
window.addEventListener('hashchange', marquerLesAnalystes);
marquerLesAnalystes();

export default [];
