package fr.elus.dife.parcours;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.elus.dife.dossier.DossierRepository;
import fr.elus.dife.regles.CalendrierOuvre;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every date typed in a task's form must be possible for its dossier: not before the
 * dossier was opened, not more than a year ahead. The date fields and their labels
 * come from the deployed Camunda Forms themselves, so a new form is covered without
 * code and the refusal names the field as the conseiller reads it.
 */
@Component
public class BornesDatesFormulaires extends AbstractProcessEnginePlugin {

  private static final DateTimeFormatter FRANCAIS = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private record ChampDate(String cle, String libelle) {
  }

  private final Map<String, List<ChampDate>> datesParFormulaire;
  private final ObjectProvider<DossierRepository> dossiers;
  private final Clock horloge;

  public BornesDatesFormulaires(ObjectProvider<DossierRepository> dossiers, Clock horloge) {
    this.dossiers = dossiers;
    this.horloge = horloge;
    this.datesParFormulaire = lireFormulaires();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activite) {
        List<ChampDate> dates = datesParFormulaire.get(element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef"));
        if (dates != null && activite.getActivityBehavior() instanceof UserTaskActivityBehavior tache) {
          tache.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, t -> verifier(t, dates));
        }
      }
    });
  }

  private void verifier(DelegateTask tache, List<ChampDate> dates) {
    String reference = tache.getExecution().getProcessBusinessKey();
    LocalDate ouverture = dossiers.getObject().trouver(reference)
        .map(d -> d.dateOuverture().atZone(CalendrierOuvre.FUSEAU).toLocalDate()).orElse(null);
    LocalDate auPlusTard = LocalDate.now(horloge).plusYears(1);
    List<String> refus = new ArrayList<>();
    for (ChampDate champ : dates) {
      Object valeur = tache.getVariable(champ.cle());
      if (valeur == null || valeur.toString().isBlank()) {
        continue;
      }
      LocalDate date;
      try {
        date = LocalDate.parse(valeur.toString().substring(0, Math.min(10, valeur.toString().length())));
      } catch (DateTimeParseException e) {
        refus.add("« " + champ.libelle() + " » : date attendue au format jj/mm/aaaa.");
        continue;
      }
      if (ouverture != null && date.isBefore(ouverture)) {
        refus.add("« " + champ.libelle() + " » : le " + date.format(FRANCAIS) + " précède l'ouverture du dossier, le "
            + ouverture.format(FRANCAIS) + ".");
      } else if (date.isAfter(auPlusTard)) {
        refus.add("« " + champ.libelle() + " » : le " + date.format(FRANCAIS) + " est à plus d'un an (au plus tard le "
            + auPlusTard.format(FRANCAIS) + ").");
      }
    }
    if (!refus.isEmpty()) {
      throw new NotValidException(String.join(" ", refus));
    }
  }

  private static Map<String, List<ChampDate>> lireFormulaires() {
    ObjectMapper json = new ObjectMapper();
    Map<String, List<ChampDate>> formulaires = new HashMap<>();
    try {
      for (Resource ressource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
        try (InputStream flux = ressource.getInputStream()) {
          JsonNode formulaire = json.readTree(flux);
          List<ChampDate> dates = new ArrayList<>();
          champsDate(formulaire.path("components"), dates);
          formulaires.put(formulaire.path("id").asText(), dates);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Formulaires illisibles", e);
    }
    return formulaires;
  }

  // groups and dynamic lists nest their fields
  private static void champsDate(JsonNode composants, List<ChampDate> dates) {
    for (JsonNode composant : composants) {
      if ("datetime".equals(composant.path("type").asText()) && composant.hasNonNull("key")) {
        String libelle = composant.path("dateLabel").asText(composant.path("label").asText(composant.path("key").asText()));
        dates.add(new ChampDate(composant.path("key").asText(), libelle));
      }
      champsDate(composant.path("components"), dates);
    }
  }
}
