package fr.elus.dife.parcours;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.PlusLongParcours;
import fr.elus.dife.regles.CalendrierOuvre;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The longest journey, from opening to CLOS_FORMATION_SUIVIE, as the outside sees
 * it: /api for dossiers and events, /engine-rest for the conseiller's tasks and,
 * as an administrator would in Cockpit, to fire the timers that would take weeks.
 */
@ApplicationDemarree
class PlusLongParcoursApiTest implements PlusLongParcours.Conduite {

  @LocalServerPort
  int port;
  @Autowired
  GreenMail smtp;

  private ClientHttp http;
  private DossierParHttp suivi;

  private JsonNode dossier() {
    return suivi.vue();
  }

  @Override
  public void terminer(String definition, Object... clesValeurs) {
    suivi.terminer(definition, clesValeurs);
  }

  @Override
  public void evenement(String type, Map<String, Object> donnees) {
    suivi.evenement(type, donnees);
  }

  @Override
  public void declencherTimer(String activite) {
    suivi.declencherTimer(activite);
  }

  @Override
  public String ouvrir(ObjectNode corps) {
    String reference = http.post("conseiller45", "/api/dossiers", corps).corps().get("reference").asText();
    suivi = new DossierParHttp(http, reference);
    return reference;
  }

  @Override
  public void avantValidation() {
    Attente.jusqua("l'attente de la validation", () -> dossier().get("echeances").findValuesAsText("nom")
        .contains("Dernier jour pour valider passé"));
    JsonNode enValidation = dossier();
    assertThat(enValidation.get("statutDossier").asText()).isEqualTo("VALIDATION");
    assertThat(enValidation.get("repartition").get("priseEnChargeDife").asText()).isEqualTo("700.00");
    assertThat(enValidation.get("repartition").get("contributionCollectivite").asText()).isEqualTo("400.00");
    assertThat(enValidation.get("repartition").get("resteAChargeElu").asText()).isEqualTo("100.00");
  }

  @Test
  void delOuvertureALaFormationSuivie() {
    http = new ClientHttp(port);
    ObjectNode demande = PlusLongParcours.demande();
    PlusLongParcours.parcourir(this, demande);

    Attente.jusqua("la clôture", () -> dossier().get("statutDossier").asText().equals("CLOS_FORMATION_SUIVIE"));
    JsonNode clos = dossier();
    assertThat(clos.hasNonNull("dateCloture")).isTrue();
    assertThat(clos.get("etapes")).isEmpty();
    assertThat(clos.get("echeances")).isEmpty();
    List<String> historique = clos.get("historique").findValuesAsText("description");
    assertThat(historique).anySatisfy(d -> assertThat(d).contains("Vos frais de repas et d'hébergement"));
    assertThat(historique).anySatisfy(d -> assertThat(d).contains("Avez-vous reçu le courrier recommandé"));
    assertThat(historique).anySatisfy(d -> assertThat(d).contains("Échec FranceConnect+"));
    assertThat(clos.get("historique").findValuesAsText("type").stream().filter("EVENEMENT"::equals)).hasSize(suivi.evenementsEnvoyes());

    // what the élu received
    String email = demande.get("elu").get("email").asText();
    // no smartphone: the registered letter verified the identity, no app step (R3)
    assertThat(corps(email, "identité est vérifiée pour Mon Compte Formation")).contains(
        "vous n'avez pas d'application à installer", "numéro de sécurité sociale", "onglet DROITS");
    assertThat(CourrielsRecus.a(smtp, email, "application L'Identité Numérique")).isEmpty();
    assertThat(clos.get("historique").findValuesAsText("description"))
        .noneSatisfy(d -> assertThat(d).contains("Confirmer l'activation de l'application"));
    // the split as it stands when the élu is told to validate, then once the collectivity has answered
    assertThat(corps(email, "qui paie")).contains("pris en charge par votre DIFE", "700.00 €",
        "au plus 500.00 €", "Je confirme mon inscription");
    assertThat(corps(email, "la part de")).contains("Saint-Jean-de-Braye a répondu à la demande de contribution",
        "pris en charge par votre collectivité : 400.00 €",
        "reste à votre charge, à régler par virement : 100.00 €");
    // the collectivity was asked at the choice, by email
    assertThat(CourrielsRecus.a(smtp, "mairie@saint-jean-de-braye.exemple.fr", clos.get("reference").asText()))
        .singleElement().satisfies(m -> assertThat(m.getSubject()).contains("contribution"));
    assertThat(clos.get("demandeCollectivite").asText()).startsWith("courriel du ")
        .endsWith(" à mairie@saint-jean-de-braye.exemple.fr");
    assertThat(corps(email, "frais de repas")).contains("- 2 repas, à 17,50 € : 35,00 €",
        "- 1 nuitée à Paris (75056) le ", ", à 110,00 € : 110,00 €", "Total : 145,00 €",
        "motif « Ma formation en tant qu'élu », sous-motif « Frais THR »");
    assertThat(historique).anySatisfy(d -> assertThat(d).contains("Vérifier le total et les lignes des frais THR"));
    // the claim's follow-up, in the dossier
    assertThat(clos.get("fraisThr").get("total").asText()).isEqualTo("145.00");
    assertThat(clos.get("fraisThr").get("montantPaye").asText()).isEqualTo("145.00");
    assertThat(clos.get("fraisThr").get("ecart").asText()).isEqualTo("0.00");
    assertThat(clos.get("fraisThr").get("dateDepot").asText()).isEqualTo(LocalDate.now(CalendrierOuvre.FUSEAU).toString());
  }

  private String corps(String destinataire, String motsDuSujet) {
    return CourrielsRecus.texte(CourrielsRecus.a(smtp, destinataire, motsDuSujet).get(0));
  }
}
