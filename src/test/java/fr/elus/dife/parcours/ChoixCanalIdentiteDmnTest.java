package fr.elus.dife.parcours;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The routing of docs/DOMAIN.md R3, row by row of bpmn/choix-canal-identite.dmn. */
class ChoixCanalIdentiteDmnTest {

  private static DmnEngine moteur;
  private static DmnDecision decision;

  @BeforeAll
  static void lire() throws Exception {
    moteur = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = ChoixCanalIdentiteDmnTest.class.getClassLoader().getResourceAsStream("bpmn/choix-canal-identite.dmn")) {
      decision = moteur.parseDecision("choix-canal-identite", dmn);
    }
  }

  @ParameterizedTest(name = "{0} {1}, pièce FR {2}, caméra {3}, préfère {4} → {5} / {6}")
  @CsvSource(nullValues = "-", value = {
      "AUCUN,   -,  true,  true,  EN_LIGNE,        COURRIER,        FACE_A_FACE",
      "ANDROID, 5,  true,  true,  EN_LIGNE,        COURRIER,        FACE_A_FACE",
      "ANDROID, 6,  true,  true,  EN_LIGNE,        EN_LIGNE,        AR24",
      "IOS,     12, true,  true,  BUREAU_DE_POSTE, COURRIER,        FACE_A_FACE",
      "IOS,     13, true,  true,  BUREAU_DE_POSTE, BUREAU_DE_POSTE, FACE_A_FACE",
      "IOS,     17, false, true,  EN_LIGNE,        COURRIER,        FACE_A_FACE",
      "ANDROID, 14, true,  false, EN_LIGNE,        EN_LIGNE,        FACE_A_FACE",
      "ANDROID, 14, true,  false, BUREAU_DE_POSTE, BUREAU_DE_POSTE, FACE_A_FACE",
      "ANDROID, 14, true,  true,  BUREAU_DE_POSTE, BUREAU_DE_POSTE, FACE_A_FACE"})
  void canalEtMode(String os, Integer version, boolean piece, boolean camera, String preference, String canal,
      String mode) {
    Map<String, Object> situation = new HashMap<>();
    situation.put("smartphoneOs", os);
    situation.put("smartphoneVersionMajeure", version);
    situation.put("pieceIdentiteFrancaiseValide", piece);
    situation.put("cameraEtMicro", camera);
    situation.put("preferenceCanal", preference);

    DmnDecisionResultEntries resultat = moteur.evaluateDecision(decision, situation).getSingleResult();

    assertThat((String) resultat.getEntry("canalIdentite")).isEqualTo(canal);
    assertThat((String) resultat.getEntry("modeVerification")).isEqualTo(mode);
    assertThat((String) resultat.getEntry("motifCanal")).isNotBlank();
  }
}
