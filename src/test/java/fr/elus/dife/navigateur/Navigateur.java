package fr.elus.dife.navigateur;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by Selenium, logged into the Camunda webapps. */
public class Navigateur implements AutoCloseable {

  private static final Path CAPTURES = Path.of("target", "captures");

  private final Path profil;
  private final ChromeDriver pilote;
  private final String base;

  public Navigateur(int port) throws IOException {
    this.base = "http://localhost:" + port;
    this.profil = Files.createTempDirectory("chromium-dife");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    // the machine's network is closed: without these, Chromium keeps trying Google's hosts
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profil);
    // an English-speaking browser: the webapps must be French anyway
    options.addArguments("--lang=en-US");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    this.pilote = new ChromeDriver(service, options);
  }

  public ChromeDriver pilote() {
    return pilote;
  }

  public WebDriverWait attente() {
    // generous: the machine running the suite may be shared and busy
    return new WebDriverWait(pilote, Duration.ofSeconds(45));
  }

  public void ouvrir(String chemin) {
    pilote.get(base + chemin);
  }

  public void connecter(String application, String utilisateur, String motDePasse) {
    ouvrir("/camunda/app/" + application + "/default/");
    WebElement identifiant = attente().until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model=username]")));
    identifiant.sendKeys(utilisateur);
    pilote.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(motDePasse);
    pilote.findElement(By.cssSelector("button[type=submit]")).click();
    attente().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
  }

  public WebElement visible(String css) {
    return attente().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  public WebElement cliquable(String css) {
    return attente().until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
  }

  /** Clicks the radio, checkbox or checklist entry of the open form whose label contains the text. */
  public void cocher(String libelle) {
    cliquer(attente().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//form[contains(@class,'fjs-form')]//label[contains(normalize-space(.), " + litteral(libelle) + ")]"))));
  }

  /** Clicks the element once scrolled to the middle of the window, clear of Tasklist's footer. */
  public void cliquer(WebElement element) {
    pilote.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  public void cliquer(String css) {
    cliquer(cliquable(css));
  }

  /** Types into the field of the open form whose label starts with the text (dates as jj/mm/aaaa). */
  public void saisir(String libelle, String valeur) {
    WebElement etiquette = attente().until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//form[contains(@class,'fjs-form')]//label[starts-with(normalize-space(.), " + litteral(libelle) + ")]")));
    WebElement champ = pilote.findElement(By.id(etiquette.getAttribute("for")));
    champ.clear();
    champ.sendKeys(valeur, Keys.TAB);
  }

  /** Opens the task, claims it, lets the caller fill the form, completes it. */
  public void traiter(String idTache, Runnable remplir) {
    ouvrir("/camunda/app/tasklist/default/#/?task=" + idTache);
    visible(".fjs-form");
    cliquable("button[ng-click=\"claim()\"]").click();
    try {
      new WebDriverWait(pilote, Duration.ofSeconds(10))
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[ng-click=\"unclaim()\"]")));
    } catch (TimeoutException refusee) {
      // a job of the dossier wrote at the same moment (409 « réessayez »): as a user would, once more
      System.err.println("Prise de la tâche " + idTache + " refusée, nouvel essai : "
          + pilote.findElement(By.cssSelector("body")).getText().lines().filter(l -> l.contains("tâche")
              || l.contains("modifié") || l.contains("rreur")).toList());
      ouvrir("/camunda/app/tasklist/default/#/?task=" + idTache);
      visible(".fjs-form");
      cliquable("button[ng-click=\"claim()\"]").click();
      attente().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[ng-click=\"unclaim()\"]")));
    }
    remplir.run();
    // Tasklist's notices of the previous task may lie over the button for a moment
    pilote.executeScript("arguments[0].click()", cliquable("button[ng-click=\"complete()\"]"));
  }

  private static String litteral(String texte) {
    return texte.contains("'") ? "\"" + texte + "\"" : "'" + texte + "'";
  }

  /** Saves a PNG under target/captures and returns its path. */
  public Path capture(String nom) {
    try {
      Files.createDirectories(CAPTURES);
      Path fichier = CAPTURES.resolve(nom + ".png");
      Files.copy(pilote.getScreenshotAs(OutputType.FILE).toPath(), fichier, StandardCopyOption.REPLACE_EXISTING);
      return fichier;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    pilote.quit();
    try (Stream<Path> fichiers = Files.walk(profil)) {
      fichiers.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
