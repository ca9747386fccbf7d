package fr.elus.dife.securite;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * What the engine's authorizations cannot say on /engine-rest: messages and signals
 * are for the dossier service only (a message with "all" reaches every dossier the
 * caller may read), comments and attachments for those who work on tasks; and the
 * engine's own refusals keep a 4xx: the other association's object is not found
 * (404, the engine says 500 ENGINE-13034), two writes at once are a conflict (409,
 * not 500), a task already gone is not found, a form's values refused by its
 * listener are a 400 with the listener's French message, a write that waited too long for
 * another transaction is a 503 to retry (BaseOccupeeSurLeMoteur). Found by Jersey in every JAX-RS
 * application, so that the webapps' own engine API (/camunda/api/engine) is guarded
 * like /engine-rest.
 */
@ConstrainedTo(RuntimeType.SERVER)
public class GardeMoteurRest implements ContainerRequestFilter, ContainerResponseFilter, AutoDiscoverable {

  // /engine-rest/…, or /camunda/api/engine/engine/{name}/… for the webapps
  private static final String MOTEUR = "/?(?:engine/[^/]+/)?";
  private static final Pattern MESSAGE_OU_SIGNAL = Pattern.compile(MOTEUR + "(message|signal)/?");
  private static final Pattern ECRIT_SUR_TACHE = Pattern.compile(MOTEUR + "task/[^/]+/(comment|attachment)/create/?");
  private static final Pattern TACHE = Pattern.compile(MOTEUR + "task/[^/]+/?");
  private static final Pattern REFUS_DU_FORMULAIRE =
      // "ENGINE-03051 There was an exception while invoking the TaskListener. Message: '…'"
      Pattern.compile("(?:invoking TaskListener: |invoking the TaskListener\\. Message: ')(.*?)'?$", Pattern.DOTALL);
  private static final Pattern TRAVAIL_SUR_TACHE =
      Pattern.compile(MOTEUR + "task/([^/]+)/(complete|submit-form|claim|unclaim|resolve|assignee|delegate)/?");

  @Override
  public void configure(FeatureContext contexte) {
    if (!contexte.getConfiguration().isRegistered(GardeMoteurRest.class)) {
      contexte.register(GardeMoteurRest.class);
      contexte.register(BaseOccupeeSurLeMoteur.PourRest.class, BaseOccupeeSurLeMoteur.RANG);
      contexte.register(BaseOccupeeSurLeMoteur.PourLeMoteur.class, BaseOccupeeSurLeMoteur.RANG);
    }
  }

  @Override
  public void filter(ContainerRequestContext requete) {
    String chemin = requete.getUriInfo().getPath();
    if ("PUT".equals(requete.getMethod()) && TACHE.matcher(chemin).matches() && !estDansUnDe(Groupes.ADMINISTRATEURS)) {
      // name, priority, due date: set by the models (deadlines, escalations), not by hand
      requete.abortWith(refus(Response.Status.FORBIDDEN, "AuthorizationException",
          "Les propriétés d'une tâche (nom, priorité, échéance) sont fixées par le parcours."));
      return;
    }
    if (!"POST".equals(requete.getMethod())) {
      return;
    }
    if (MESSAGE_OU_SIGNAL.matcher(chemin).matches() && !estDansUnDe(Groupes.ADMINISTRATEURS)) {
      requete.abortWith(refus(Response.Status.FORBIDDEN, "AuthorizationException", "Les événements et les abandons "
          + "d'un dossier passent par /api/dossiers/{reference}/evenements et /abandon."));
    } else if (ECRIT_SUR_TACHE.matcher(chemin).matches()
        && !estDansUnDe(Groupes.ADMINISTRATEURS, Groupes.CONSEILLERS, Groupes.SUPERVISEURS)) {
      requete.abortWith(refus(Response.Status.FORBIDDEN, "AuthorizationException",
          "Votre profil ne permet pas d'écrire sur une tâche."));
    }
  }

  @Override
  public void filter(ContainerRequestContext requete, ContainerResponseContext reponse) {
    if (!(reponse.getEntity() instanceof ExceptionDto erreur) || erreur.getMessage() == null) {
      return;
    }
    String message = erreur.getMessage();
    Matcher travail = TRAVAIL_SUR_TACHE.matcher(requete.getUriInfo().getPath());
    // the engine wraps a task listener's message once or twice: keep the innermost
    String texte = null;
    for (Matcher refus = REFUS_DU_FORMULAIRE.matcher(message); refus.find();
        refus = REFUS_DU_FORMULAIRE.matcher(texte)) {
      texte = refus.group(1);
    }
    if (travail.matches() && TravailDesGroupesCandidats.estUnRefus(texte != null ? texte : message)) {
      // the task belongs to other groups: a right missing, as the engine's own refusals say it
      erreur.setType("AuthorizationException");
      remplacer(reponse, erreur, Response.Status.FORBIDDEN, texte != null ? texte : message);
    } else if (travail.matches() && message.contains("ENGINE-03051")) {
      // a form's server-side check refused the task's values (Saisie): the user's input, not a server fault;
      // its transaction rolled back, so the task is still to do whatever the history says
      remplacer(reponse, erreur, Response.Status.BAD_REQUEST, texte != null ? texte
          : "Les valeurs de la tâche ont été refusées : rien n'a été enregistré.");
    } else if (travail.matches() && reponse.getStatus() != 401 && reponse.getStatus() != 403
        && tacheTerminee(travail.group(1))) {
      // two users on one task: the later one finds it done (not found, optimistic locking or worse)
      remplacer(reponse, erreur, Response.Status.CONFLICT, "Cette tâche vient d'être terminée par quelqu'un "
          + "d'autre : rien n'a été enregistré.");
    } else if (message.contains("ENGINE-13034")) {
      remplacer(reponse, erreur, Response.Status.NOT_FOUND, "Introuvable dans vos associations.");
    } else if ("OptimisticLockingException".equals(erreur.getType()) || message.contains("ENGINE-03005")) {
      remplacer(reponse, erreur, Response.Status.CONFLICT, "La tâche ou le dossier vient d'être modifié par une "
          + "autre opération : rien n'a été enregistré. Rechargez-le puis réessayez.");
    } else if (message.startsWith("No task found") || message.contains("Cannot find task")) {
      remplacer(reponse, erreur, Response.Status.NOT_FOUND, "Cette tâche n'existe pas ou n'est plus à faire.");
    }
  }

  private static boolean tacheTerminee(String id) {
    ProcessEngine moteur = ProcessEngines.getDefaultProcessEngine(false);
    return moteur != null && moteur.getHistoryService().createHistoricTaskInstanceQuery().taskId(id).finished()
        .count() > 0;
  }

  private static void remplacer(ContainerResponseContext reponse, ExceptionDto erreur, Response.Status statut,
      String message) {
    erreur.setMessage(message);
    reponse.setStatus(statut.getStatusCode());
  }

  private static Response refus(Response.Status statut, String type, String message) {
    ExceptionDto erreur = new ExceptionDto();
    erreur.setType(type);
    erreur.setMessage(message);
    return Response.status(statut).entity(erreur).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private boolean estDansUnDe(String... groupes) {
    ProcessEngine moteur = ProcessEngines.getDefaultProcessEngine(false);
    Authentication authentification = moteur == null ? null : moteur.getIdentityService().getCurrentAuthentication();
    List<String> siens = authentification == null ? null : authentification.getGroupIds();
    return siens != null && List.of(groupes).stream().anyMatch(siens::contains);
  }
}
